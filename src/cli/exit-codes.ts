import { CommanderError } from "commander";
import { ZodError } from "zod";
import { AppError } from "../core/errors.ts";

/** Documented exit codes (README, "Exit codes"). */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * The one place errors become CLI output: one readable line (or a short list
 * of problems) on stderr and the catalogue's exit code; never a stack trace
 * unless ENTENTE_DEBUG is set.
 */
export function reportCliError(err: unknown, stderr: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (err instanceof CommanderError) {
    if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help") {
      return EXIT.ok;
    }
    // Commander already printed its message.
    return EXIT.usage;
  }
  if (err instanceof AppError) {
    stderr(`entente: ${err.message}\n`);
    return err.exitCode;
  }
  if (err instanceof ZodError) {
    const lines = err.issues.map((i) => `  ${i.path.join(".") || "input"}: ${i.message}`);
    stderr(`entente: invalid input\n${lines.join("\n")}\n`);
    return EXIT.failure;
  }
  const message = err instanceof Error ? err.message : String(err);
  stderr(`entente: unexpected error: ${message}\n`);
  if (process.env.ENTENTE_DEBUG && err instanceof Error) stderr(`${err.stack}\n`);
  return EXIT.failure;
}
