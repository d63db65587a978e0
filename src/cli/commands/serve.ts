import type { Command } from "commander";
import { ensureFirstAdmin } from "../../auth/first-admin.ts";
import { createDb, migrateToLatest } from "../../core/db/create-db.ts";
import { AppError } from "../../core/errors.ts";
import { loadDemoIfEmpty } from "../../demo/load.ts";
import { buildServer } from "../../server.ts";
import { addDbOptions, configFrom } from "../context.ts";

export function registerServeCommand(program: Command): void {
  addDbOptions(program.command("serve").description("start the web server (loads the demo into an empty database)"))
    .option("--port <port>", "port to listen on (env PORT, default 3000)")
    .option("--no-demo", "do not load demo data into an empty database (env ENTENTE_DEMO=0)")
    .action(async (opts: { dataDir?: string; port?: string; demo: boolean }) => {
      const config = configFrom({
        dataDir: opts.dataDir,
        port: opts.port === undefined ? undefined : Number(opts.port),
        demo: opts.demo === false ? false : undefined,
      });
      const db = await createDb(config);
      let stopping = false;
      const stop = async (): Promise<void> => {
        if (stopping) return;
        stopping = true;
        await app?.close().catch(() => {});
        await db.destroy().catch(() => {});
        process.exit(0);
      };
      let app: Awaited<ReturnType<typeof buildServer>> | undefined;
      try {
        await migrateToLatest(db);
        if (config.demo) {
          const loaded = await loadDemoIfEmpty(db);
          if (loaded) process.stderr.write(`Loaded demo data: ${loaded.join(", ")}\n`);
        }
        await ensureFirstAdmin(db, config);
        app = await buildServer(
          { db, config },
          { logger: config.logLevel !== "silent" && process.env.NODE_ENV !== "test" },
        );
        await app.listen({ port: config.port, host: config.host });
      } catch (e) {
        await app?.close().catch(() => {});
        await db.destroy().catch(() => {});
        if (e instanceof Error && "code" in e && e.code === "EADDRINUSE") {
          throw new AppError("config", `Port ${config.port} is in use; choose another with --port or PORT.`);
        }
        throw e;
      }
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      const address = app.server.address();
      const port = typeof address === "object" && address ? address.port : config.port;
      process.stdout.write(
        `Entente is running at http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${port}/\n`,
      );
    });
}
