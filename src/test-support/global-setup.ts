import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "../core/db/create-db.ts";
import { createPglitePool } from "../core/db/pglite-dialect.ts";
import type { Database } from "../core/db/tables.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates one database per backend once; each test database is then a
 * cheap clone of it (PGlite: a data-dir dump; PostgreSQL: CREATE DATABASE …
 * TEMPLATE).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-test-"));
  const dumpPath = path.join(dir, "template.tar");
  const pglite = await PGlite.create("memory://", { extensions: { unaccent, pg_trgm } });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPglitePool(pglite) }) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir("none");
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  project.provide("pgliteTemplate", dumpPath);

  const url = process.env.TEST_DATABASE_URL;
  let templateName = "";
  if (url) {
    templateName = `entente_template_${process.pid}`;
    await adminQuery(url, `create database ${templateName}`);
    const templateUrl = withDatabase(url, templateName);
    const pool = new pg.Pool({ connectionString: templateUrl, max: 1 });
    const tdb = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrateToLatest(tdb);
    await tdb.destroy();
  }
  project.provide("postgresTemplate", templateName);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (url && templateName) await adminQuery(url, `drop database if exists ${templateName}`);
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs one statement on the server's maintenance connection. */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
