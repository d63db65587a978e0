import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, Migrator, PostgresDialect, type Transaction } from "kysely";
import pg from "pg";
import { AppError } from "../errors.ts";
import { acquireDataDirLock } from "./data-dir-lock.ts";
import { migrations } from "./migrations/index.ts";
import type { Database } from "./tables.ts";

export type Db = Kysely<Database>;
/** A database handle or an open transaction: repositories accept either. */
export type DbOrTx = Kysely<Database> | Transaction<Database>;

export interface DbConfig {
  /** postgres://… selects a PostgreSQL server; otherwise embedded PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; "memory://" for a throwaway in-memory database. */
  dataDir: string;
  /** Seeds a new PGlite database from a data-dir dump (tests clone a migrated template). */
  pgliteTemplate?: Blob | undefined;
}

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
const asString = (v: string): string => v;
const asNumber = (v: string): number => Number(v);

/**
 * Opens the database the configuration names. Nothing else in the code
 * knows which engine runs.
 *
 * @example
 *   const db = await createDb({ dataDir: "./data" });
 *   await migrateToLatest(db);
 */
export async function createDb(config: DbConfig): Promise<Db> {
  return config.databaseUrl ? createPostgres(config.databaseUrl) : createPglite(config.dataDir, config.pgliteTemplate);
}

async function createPostgres(url: string): Promise<Db> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("config", "DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/db)");
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") => {
        if (oid === OID.int8 || oid === OID.numeric) return asNumber;
        if (oid === OID.date) return asString;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    const reason = e instanceof Error ? e.message : String(e);
    throw new AppError(
      "config",
      `Cannot connect to PostgreSQL at ${parsed.host || "(no host)"}${parsed.pathname}: ${reason}. Check DATABASE_URL and that the server is running.`,
    );
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function createPglite(dataDir: string, template?: Blob): Promise<Db> {
  const inMemory = dataDir.startsWith("memory://");
  let release = (): void => {};
  if (!inMemory) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.accessSync(dataDir, fs.constants.W_OK);
    } catch {
      throw new AppError(
        "config",
        `Data directory ${dataDir} is not writable; choose another with --data-dir or ENTENTE_DATA_DIR.`,
      );
    }
    release = acquireDataDirLock(dataDir);
  }
  const dbPath = inMemory ? dataDir : path.join(dataDir, "pglite");
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dbPath, {
      extensions: { unaccent, pg_trgm },
      ...(template ? { loadDataDir: template } : {}),
      parsers: { [OID.int8]: asNumber, [OID.numeric]: asNumber, [OID.date]: asString },
    });
  } catch (e) {
    release();
    const reason = e instanceof Error ? e.message : String(e);
    throw new AppError(
      "config",
      `Cannot open the database in ${dbPath} (${reason}); it may be corrupt. Restore a backup or move the directory away.`,
    );
  }
  const { createPglitePool } = await import("./pglite-dialect.ts");
  const pool = createPglitePool(pglite);
  const end = pool.end.bind(pool);
  pool.end = async () => {
    await end();
    release();
  };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Applies every pending migration; throws a readable error on failure. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("config", `Migration ${failed} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
