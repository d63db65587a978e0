import type { Command } from "commander";
import { type Config, loadConfig } from "../core/config.ts";
import { createDb, type Db, migrateToLatest } from "../core/db/create-db.ts";

/** Options every database command accepts. */
export interface DbOptions {
  dataDir?: string;
}

export function addDbOptions(cmd: Command): Command {
  return cmd.option("--data-dir <dir>", "PGlite data directory (env ENTENTE_DATA_DIR, default ./data)");
}

export function configFrom(opts: DbOptions & Partial<Config>): Config {
  return loadConfig({ dataDir: opts.dataDir, port: opts.port, demo: opts.demo });
}

/**
 * Opens the configured database, applies pending migrations, runs `fn` and
 * always closes the database (releasing the data-dir lock).
 */
export async function withDb<T>(opts: DbOptions, fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = configFrom(opts);
  const db = await createDb(config);
  try {
    await migrateToLatest(db);
    return await fn(db, config);
  } finally {
    await db.destroy();
  }
}

/** Prints a value as pretty JSON on stdout. */
export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};
