import type { Command } from "commander";
import { createDb, migrateToLatest } from "../../core/db/create-db.ts";
import { addDbOptions, configFrom, type DbOptions } from "../context.ts";

export function registerDbCommand(program: Command): void {
  const db = program.command("db").description("database maintenance");
  addDbOptions(db.command("migrate").description("apply pending migrations")).action(async (opts: DbOptions) => {
    const config = configFrom(opts);
    const handle = await createDb(config);
    try {
      const applied = await migrateToLatest(handle);
      process.stdout.write(applied.length ? `Applied ${applied.join(", ")}\n` : "Database is up to date\n");
    } finally {
      await handle.destroy();
    }
  });
}
