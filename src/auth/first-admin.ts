import { SYSTEM_ACTOR } from "../audit/actor.ts";
import type { Config } from "../core/config.ts";
import type { Db } from "../core/db/create-db.ts";
import { findUserByEmail } from "./repository.ts";
import { createUser } from "./service.ts";

/**
 * Creates the first administrator from ENTENTE_ADMIN_EMAIL and
 * ENTENTE_ADMIN_PASSWORD when both are set and no such user exists yet.
 */
export async function ensureFirstAdmin(db: Db, config: Config): Promise<void> {
  if (!config.adminEmail || !config.adminPassword) return;
  if (await findUserByEmail(db, config.adminEmail)) return;
  await createUser(db, SYSTEM_ACTOR, {
    email: config.adminEmail,
    name: "Administrator",
    password: config.adminPassword,
    isAdmin: true,
  });
}
