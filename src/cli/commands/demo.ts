import type { Command } from "commander";
import { AppError } from "../../core/errors.ts";
import { loadDemoIfEmpty } from "../../demo/load.ts";
import { addDbOptions, type DbOptions, withDb } from "../context.ts";

export function registerDemoCommand(program: Command): void {
  const cmd = program.command("demo").description("demonstration data");
  addDbOptions(cmd.command("load").description("load the demo partnerships into an empty database")).action(
    async (opts: DbOptions) => {
      const slugs = await withDb(opts, async (db) => {
        const loaded = await loadDemoIfEmpty(db);
        if (!loaded) {
          throw new AppError(
            "conflict",
            "The database already has partnerships; demo data loads only into an empty one.",
          );
        }
        return loaded;
      });
      process.stdout.write(`Loaded demo partnerships: ${slugs.join(", ")}\n`);
    },
  );
}
