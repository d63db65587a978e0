import crypto from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createDb, type Db } from "../core/db/create-db.ts";
import { adminQuery, withDatabase } from "./global-setup.ts";

export interface TestBackend {
  name: "pglite" | "postgres";
  /** A fresh, migrated, empty database of its own. */
  create(): Promise<TestDatabase>;
}

export interface TestDatabase {
  db: Db;
  /** Connection settings that open this same database (for CLI subprocesses). */
  url: string | undefined;
  dispose(): Promise<void>;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: "pglite", create: createPgliteTestDb }];
  const url = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (url && template) backends.push({ name: "postgres", create: () => createPostgresTestDb(url, template) });
  return backends;
}

async function createPgliteTestDb(): Promise<TestDatabase> {
  const template = new Blob([fs.readFileSync(inject("pgliteTemplate"))]);
  const db = await createDb({ dataDir: "memory://", pgliteTemplate: template });
  return { db, url: undefined, dispose: () => db.destroy() };
}

async function createPostgresTestDb(url: string, template: string): Promise<TestDatabase> {
  const name = `entente_test_${crypto.randomBytes(6).toString("hex")}`;
  await adminQuery(url, `create database ${name} template ${template}`);
  const dbUrl = withDatabase(url, name);
  const db = await createDb({ databaseUrl: dbUrl, dataDir: "unused" });
  return {
    db,
    url: dbUrl,
    dispose: async () => {
      await db.destroy();
      await adminQuery(url, `drop database if exists ${name}`);
    },
  };
}

/**
 * Runs a suite once per storage backend, each with a fresh database.
 *
 * @example
 *   forEachBackend("partnership repository", (t) => {
 *     it("lists nothing on an empty database", async () => {
 *       expect(await listPartnerships(t.db())).toEqual([]);
 *     });
 *   });
 */
export function forEachBackend(
  title: string,
  suite: (ctx: { db: () => Db; database: () => TestDatabase; backend: TestBackend["name"] }) => void,
): void {
  describe.each(testBackends())(`${title} [$name]`, (backend) => {
    let current: TestDatabase | undefined;
    beforeAll(async () => {
      current = await backend.create();
    });
    afterAll(async () => {
      await current?.dispose();
    });
    const database = (): TestDatabase => {
      if (!current) throw new Error("test database not ready (use it inside a test or hook)");
      return current;
    };
    suite({ db: () => database().db, database, backend: backend.name });
  });
}
