/**
 * Who performs a command. Every service function that writes takes one so
 * the audit log can name it; HTTP derives it from the session or token, the
 * CLI from the local operator.
 */
export interface Actor {
  /** users.id, or null for the system and the local CLI operator. */
  userId: number | null;
  /** Human-readable: an email, "cli", "system", "demo". */
  label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: "system" };
export const cliActor = (): Actor => ({ userId: null, label: `cli:${process.env.USER ?? "operator"}` });
