import { sql } from "kysely";
import type { DbOrTx } from "../core/db/create-db.ts";
import { type Principal, type Role, type RoleGrant, roleSchema } from "./roles.ts";

export async function findUserByEmail(db: DbOrTx, email: string) {
  return db
    .selectFrom("users")
    .selectAll()
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export async function insertUser(
  db: DbOrTx,
  user: { email: string; name: string; passwordHash: string; isAdmin: boolean },
) {
  return db
    .insertInto("users")
    .values({ email: user.email, name: user.name, password_hash: user.passwordHash, is_admin: user.isAdmin })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertRole(db: DbOrTx, userId: number, grant: RoleGrant & { role: Role }) {
  await db
    .insertInto("roles")
    .values({ user_id: userId, role: grant.role, partnership_id: grant.partnershipId, party: grant.party })
    .execute();
}

export async function loadPrincipal(db: DbOrTx, userId: number): Promise<Principal | null> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name", "is_admin", "disabled"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user || user.disabled) return null;
  const grants = await db
    .selectFrom("roles")
    .select(["role", "partnership_id", "party"])
    .where("user_id", "=", userId)
    .execute();
  return {
    user: { id: user.id, email: user.email, name: user.name, isAdmin: user.is_admin },
    grants: grants.map((g) => ({
      role: roleSchema.parse(g.role),
      partnershipId: g.partnership_id,
      party: g.party,
    })),
  };
}

export async function insertApiToken(db: DbOrTx, userId: number, name: string, tokenHash: string) {
  return db
    .insertInto("api_tokens")
    .values({ user_id: userId, name, token_hash: tokenHash })
    .returning(["id", "name", "created_at"])
    .executeTakeFirstOrThrow();
}

export async function findActiveToken(db: DbOrTx, tokenHash: string) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "user_id"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

export async function insertSession(db: DbOrTx, idHash: string, userId: number, expiresAt: Date) {
  await db.insertInto("sessions").values({ id: idHash, user_id: userId, expires_at: expiresAt }).execute();
}

export async function findLiveSession(db: DbOrTx, idHash: string) {
  return db
    .selectFrom("sessions")
    .select(["id", "user_id"])
    .where("id", "=", idHash)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
}

export async function deleteSession(db: DbOrTx, idHash: string) {
  await db.deleteFrom("sessions").where("id", "=", idHash).execute();
}
