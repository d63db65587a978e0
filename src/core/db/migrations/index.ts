import type { Migration } from "kysely";
import * as core from "./20261123T0001-core.ts";
import * as review from "./20261123T0500-review.ts";
import * as tracking from "./20261123T0200-tracking.ts";

/**
 * Every migration, keyed by a timestamped name; Kysely applies them in
 * name order. Add new ones with a later timestamp; never edit a shipped one.
 */
export const migrations: Record<string, Migration> = {
  "20261123T0001-core": core,
  "20261123T0500-review": review,
  "20261123T0200-tracking": tracking,
};
