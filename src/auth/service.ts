import { z } from "zod";
import type { Actor } from "../audit/actor.ts";
import { recordAudit } from "../audit/repository.ts";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import {
  deleteSession,
  findActiveToken,
  findLiveSession,
  findUserByEmail,
  insertApiToken,
  insertRole,
  insertSession,
  insertUser,
  loadPrincipal,
} from "./repository.ts";
import { ANONYMOUS, type Principal, type RoleGrant, roleSchema } from "./roles.ts";
import { digestSecret, newSecret } from "./secrets.ts";

export const newUserSchema = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12, "password must be at least 12 characters").max(1024),
  isAdmin: z.boolean().default(false),
  grants: z
    .array(
      z.object({
        role: roleSchema,
        partnershipId: z.number().int().positive().nullable(),
        party: z
          .string()
          .regex(/^[A-Z]{2}$/)
          .nullable(),
      }),
    )
    .default([]),
});
export type NewUser = z.input<typeof newUserSchema>;

/** Creates a user with an argon2id password hash and its role grants. */
export async function createUser(db: Db, actor: Actor, input: NewUser) {
  const data = newUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return db.transaction().execute(async (tx) => {
    if (await findUserByEmail(tx, data.email)) {
      throw new AppError("conflict", `A user with email ${data.email} already exists`);
    }
    const user = await insertUser(tx, {
      email: data.email,
      name: data.name,
      passwordHash,
      isAdmin: data.isAdmin,
    });
    for (const grant of data.grants) await insertRole(tx, user.id, grant);
    await recordAudit(tx, actor, {
      partnershipId: null,
      entityType: "user",
      entityId: user.id,
      action: "create",
      after: { email: user.email, isAdmin: user.is_admin, grants: data.grants },
    });
    return { id: user.id, email: user.email, name: user.name, isAdmin: user.is_admin };
  });
}

export async function grantRole(db: Db, actor: Actor, userId: number, grant: RoleGrant) {
  await db.transaction().execute(async (tx) => {
    await insertRole(tx, userId, grant);
    await recordAudit(tx, actor, {
      partnershipId: grant.partnershipId,
      entityType: "user",
      entityId: userId,
      action: "grant",
      after: grant,
    });
  });
}

/** Issues an API token; the secret is returned once and stored only hashed. */
export async function createApiToken(db: Db, actor: Actor, userId: number, name: string) {
  const secret = newSecret("ent_");
  const row = await db.transaction().execute(async (tx) => {
    const token = await insertApiToken(tx, userId, name, digestSecret(secret));
    await recordAudit(tx, actor, {
      partnershipId: null,
      entityType: "api_token",
      entityId: token.id,
      action: "create",
      after: { userId, name },
    });
    return token;
  });
  return { id: row.id, name: row.name, token: secret };
}

export async function principalFromToken(db: DbOrTx, token: string): Promise<Principal> {
  const row = await findActiveToken(db, digestSecret(token));
  if (!row) throw new AppError("unauthorized", "Invalid or revoked API token");
  await db.updateTable("api_tokens").set({ last_used_at: new Date() }).where("id", "=", row.id).execute();
  return (await loadPrincipal(db, row.user_id)) ?? ANONYMOUS;
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Failed sign-ins in a row that lock an account, and for how long. */
export const LOCKOUT = { attempts: 5, minutes: 15 } as const;

/**
 * Checks a password and opens a session; the returned secret goes in a
 * cookie. After five wrong passwords in a row the account is locked for
 * fifteen minutes (`rate_limited`), even for the right password.
 */
export async function login(db: Db, email: string, password: string) {
  const user = await findUserByEmail(db, email);
  if (user?.locked_until && user.locked_until > new Date()) {
    throw new AppError(
      "rate_limited",
      `Too many failed sign-ins: the account is locked until ${user.locked_until.toISOString().slice(11, 16)} UTC`,
    );
  }
  // Verify against a hash even for unknown emails so timing does not reveal them.
  const ok = await verifyPassword(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !ok || user.disabled) {
    if (user) {
      const failures = user.failed_logins + 1;
      const lock = failures >= LOCKOUT.attempts;
      await db
        .updateTable("users")
        .set({
          failed_logins: lock ? 0 : failures,
          locked_until: lock ? new Date(Date.now() + LOCKOUT.minutes * 60_000) : user.locked_until,
        })
        .where("id", "=", user.id)
        .execute();
    }
    throw new AppError("unauthorized", "Wrong email or password");
  }
  await db.updateTable("users").set({ failed_logins: 0, locked_until: null }).where("id", "=", user.id).execute();
  const secret = newSecret();
  await insertSession(db, digestSecret(secret), user.id, new Date(Date.now() + SESSION_TTL_MS));
  return { session: secret, userId: user.id };
}

/** Sets a new password (CLI reset) and ends the user's sessions. */
export async function resetPassword(db: Db, actor: Actor, email: string, password: string) {
  const parsed = newUserSchema.shape.password.safeParse(password);
  if (!parsed.success) throw new AppError("invalid", parsed.error.issues[0]?.message ?? "invalid password");
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) throw new AppError("not_found", `No user ${email}`);
    await tx
      .updateTable("users")
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, version: user.version + 1 })
      .where("id", "=", user.id)
      .execute();
    await tx.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await recordAudit(tx, actor, {
      partnershipId: null,
      entityType: "user",
      entityId: user.id,
      action: "reset_password",
    });
  });
}

/** Revokes an API token: the owner's own, or any token for an administrator. */
export async function revokeApiToken(db: Db, actor: Actor, id: number, asAdmin: boolean) {
  await db.transaction().execute(async (tx) => {
    const token = await tx
      .selectFrom("api_tokens")
      .select(["id", "user_id", "revoked_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!token || (!asAdmin && token.user_id !== actor.userId)) throw new AppError("not_found", `No token ${id}`);
    if (token.revoked_at) return;
    await tx.updateTable("api_tokens").set({ revoked_at: new Date() }).where("id", "=", id).execute();
    await recordAudit(tx, actor, { partnershipId: null, entityType: "api_token", entityId: id, action: "revoke" });
  });
}

export async function listApiTokens(db: DbOrTx, userId: number) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "created_at", "last_used_at", "revoked_at"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
}

export async function principalFromSession(db: DbOrTx, session: string): Promise<Principal> {
  const row = await findLiveSession(db, digestSecret(session));
  if (!row) return ANONYMOUS;
  return (await loadPrincipal(db, row.user_id)) ?? ANONYMOUS;
}

export const logout = (db: DbOrTx, session: string): Promise<void> => deleteSession(db, digestSecret(session));

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Yt9pq3CzmnB3ruz9Ttv1ubZiJfzbV2BQcLQbxsa5p+g";
