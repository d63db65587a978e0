import crypto from "node:crypto";
import { sql } from "kysely";
import { z } from "zod";
import type { Db, DbOrTx } from "../core/db/create-db.ts";
import { AppError } from "../core/errors.ts";
import { migrations } from "../core/db/migrations/index.ts";

/**
 * Logical backup of every application table, the same on PGlite and
 * PostgreSQL: table list and foreign keys come from the catalogue, so tables
 * added by later migrations are included without code changes.
 */
export const BACKUP_FORMAT = "entente.backup/1";

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.object({ name: z.string(), type: z.string(), identity: z.boolean() })),
      rowCount: z.number().int().nonnegative(),
      hash: z.string(),
      rows: z.array(z.array(z.unknown())),
    }),
  ),
});
export type Backup = z.infer<typeof backupSchema>;

interface TableInfo {
  name: string;
  columns: { name: string; type: string; identity: boolean }[];
  primaryKey: string[];
  /** Columns referencing the same table: written in a second pass. */
  selfRefs: string[];
}

/** Tables in an order where every referenced table comes before the tables referencing it. */
async function describeTables(db: DbOrTx): Promise<TableInfo[]> {
  const cols = await sql<{ table_name: string; column_name: string; data_type: string; is_identity: string }>`
    select c.table_name, c.column_name, c.data_type, c.is_identity
    from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely_%'
    order by c.table_name, c.ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select tc.table_name, kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'
    order by tc.table_name, kcu.ordinal_position`.execute(db);
  const fks = await sql<{ child: string; parent: string; column: string }>`
    select cl.relname as child, pl.relname as parent, a.attname as column
    from pg_constraint c
    join pg_class cl on cl.oid = c.conrelid
    join pg_class pl on pl.oid = c.confrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and n.nspname = 'public'`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const c of cols.rows) {
    const t = tables.get(c.table_name) ?? { name: c.table_name, columns: [], primaryKey: [], selfRefs: [] };
    t.columns.push({ name: c.column_name, type: c.data_type, identity: c.is_identity === "YES" });
    tables.set(c.table_name, t);
  }
  for (const k of keys.rows) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  const parents = new Map<string, Set<string>>();
  for (const f of fks.rows) {
    if (f.child === f.parent) tables.get(f.child)?.selfRefs.push(f.column);
    else parents.set(f.child, (parents.get(f.child) ?? new Set()).add(f.parent));
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const p of parents.get(name) ?? []) visit(p, path);
    const t = tables.get(name);
    if (t) ordered.push(t);
    done.add(name);
  };
  for (const name of [...tables.keys()].sort()) visit(name, new Set());
  return ordered;
}

/** Values as plain JSON, identical whichever engine returned them. */
function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return Number(v);
  return v;
}

async function readRows(db: DbOrTx, t: TableInfo): Promise<unknown[][]> {
  const order = t.primaryKey.length ? t.primaryKey : t.columns.map((c) => c.name);
  const result = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} order by ${sql.join(
    order.map((c) => sql.ref(c)),
  )}`.execute(db);
  return result.rows.map((r) => t.columns.map((c) => normalise(r[c.name])));
}

const hashRows = (rows: unknown[][]) => crypto.createHash("sha256").update(JSON.stringify(rows)).digest("hex");

/** Row counts and content hashes of every table: equal after a faithful restore. */
export async function tableFingerprints(db: DbOrTx): Promise<Record<string, { rowCount: number; hash: string }>> {
  const out: Record<string, { rowCount: number; hash: string }> = {};
  for (const t of await describeTables(db)) {
    const rows = await readRows(db, t);
    out[t.name] = { rowCount: rows.length, hash: hashRows(rows) };
  }
  return out;
}

/** Dumps every table inside one read transaction (a consistent snapshot). */
export async function createBackup(db: Db): Promise<Backup> {
  return db.transaction().execute(async (tx) => {
    const tables = [];
    for (const t of await describeTables(tx)) {
      const rows = await readRows(tx, t);
      tables.push({ name: t.name, columns: t.columns, rowCount: rows.length, hash: hashRows(rows), rows });
    }
    return {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      migrations: Object.keys(migrations).sort(),
      tables,
    };
  });
}

const BATCH = 200;

/**
 * Restores a backup into an empty, migrated database of the same schema
 * version, in one transaction, keeping ids and resetting identity sequences.
 * Verifies every table's row count and content hash before committing.
 */
export async function restoreBackup(db: Db, input: unknown): Promise<{ tables: number; rows: number }> {
  const parsed = backupSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "invalid",
      `Not an Entente backup (${BACKUP_FORMAT}): ${parsed.error.issues[0]?.message ?? "bad shape"}`,
    );
  }
  const backup = parsed.data;
  const current = Object.keys(migrations).sort();
  if (JSON.stringify(current) !== JSON.stringify(backup.migrations)) {
    throw new AppError(
      "invalid",
      `The backup's schema (${backup.migrations.at(-1) ?? "none"}) differs from this database's (${current.at(-1)}); restore with the matching Entente version`,
    );
  }
  return db.transaction().execute(async (tx) => {
    const tables = await describeTables(tx);
    for (const t of tables) {
      const n = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(tx);
      if ((n.rows[0]?.n ?? 0) > 0)
        throw new AppError("conflict", `Restore needs an empty database; ${t.name} has rows`);
    }
    let total = 0;
    for (const t of tables) {
      const saved = backup.tables.find((b) => b.name === t.name);
      if (!saved || saved.rows.length === 0) continue;
      const cols = saved.columns.map((c) => c.name);
      const live = new Map(t.columns.map((c) => [c.name, c]));
      if (cols.some((c) => !live.has(c)))
        throw new AppError("invalid", `Table ${t.name} in the backup has unknown columns`);
      const deferred = new Set(t.selfRefs);
      const value = (col: string, v: unknown) => {
        if (deferred.has(col)) return null;
        const type = live.get(col)?.type;
        return (type === "jsonb" || type === "json") && v !== null ? JSON.stringify(v) : v;
      };
      for (let i = 0; i < saved.rows.length; i += BATCH) {
        const chunk = saved.rows.slice(i, i + BATCH);
        const identity = t.columns.some((c) => c.identity) ? sql`overriding system value` : sql``;
        await sql`insert into ${sql.table(t.name)} (${sql.join(cols.map((c) => sql.ref(c)))}) ${identity} values ${sql.join(
          chunk.map((row) => sql`(${sql.join(row.map((v, j) => sql`${value(cols[j] ?? "", v)}`))})`),
        )}`.execute(tx);
      }
      for (const col of t.selfRefs) {
        const j = cols.indexOf(col);
        const pk = t.primaryKey[0];
        if (j < 0 || !pk) continue;
        const k = cols.indexOf(pk);
        for (const row of saved.rows) {
          if (row[j] === null || row[j] === undefined) continue;
          await sql`update ${sql.table(t.name)} set ${sql.ref(col)} = ${row[j]} where ${sql.ref(pk)} = ${row[k]}`.execute(
            tx,
          );
        }
      }
      for (const c of t.columns.filter((x) => x.identity)) {
        await sql`select setval(pg_get_serial_sequence(${t.name}, ${c.name}), coalesce((select max(${sql.ref(c.name)}) from ${sql.table(t.name)}), 1), (select count(*) > 0 from ${sql.table(t.name)}))`.execute(
          tx,
        );
      }
      total += saved.rows.length;
    }
    const after = await tableFingerprints(tx);
    for (const saved of backup.tables) {
      const got = after[saved.name];
      if (!got || got.rowCount !== saved.rowCount || got.hash !== saved.hash) {
        throw new AppError(
          "invalid",
          `Restored table ${saved.name} does not match the backup (rows or content differ); nothing restored`,
        );
      }
    }
    return { tables: backup.tables.length, rows: total };
  });
}
