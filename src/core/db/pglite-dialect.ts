import type { PGlite } from "@electric-sql/pglite";
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from "kysely";

/**
 * Hands Kysely's `PostgresDialect` a one-connection "pool" over a PGlite
 * instance. `connect()` is queued so that a transaction holds the only
 * connection until it is released; PGlite itself runs one query at a time.
 */
export function createPglitePool(pg: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();

  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(
    sql: string | PostgresCursor<R>,
    parameters: ReadonlyArray<unknown> = [],
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sql !== "string") throw new Error("Streaming cursors are not supported on PGlite");
    return run<R>(sql, parameters);
  }

  async function run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    // Without parameters use the simple protocol, which (like `pg`) allows
    // several statements in one string, as migrations do.
    const result =
      parameters.length === 0
        ? ((await pg.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await pg.query(sql, [...parameters]);
    const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
    return {
      command: isCommand(command) ? command : "SELECT",
      rowCount: result.affectedRows ?? result.rows.length,
      rows: result.rows as R[],
    };
  }

  return {
    connect(): Promise<PostgresPoolClient> {
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const ready = tail.then(() => ({ query, release }));
      tail = tail.then(() => held);
      return ready;
    },
    async end(): Promise<void> {
      await tail;
      await pg.close();
    },
  };
}

const COMMANDS = ["UPDATE", "DELETE", "INSERT", "SELECT", "MERGE"] as const;
function isCommand(c: string | undefined): c is PostgresQueryResult<unknown>["command"] {
  return COMMANDS.some((x) => x === c);
}
