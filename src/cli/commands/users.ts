import type { Command } from "commander";
import { cliActor } from "../../audit/actor.ts";
import { findUserByEmail } from "../../auth/repository.ts";
import { roleSchema } from "../../auth/roles.ts";
import { createApiToken, createUser, listApiTokens, resetPassword, revokeApiToken } from "../../auth/service.ts";
import { AppError } from "../../core/errors.ts";
import { requirePartnershipRef } from "../../partnerships/service.ts";
import { addDbOptions, type DbOptions, printJson, withDb } from "../context.ts";

/** Reads a password from stdin (first line), so it never appears in `ps`. */
async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

export function registerUsersCommand(program: Command): void {
  const cmd = program.command("users").description("manage accounts, roles and API tokens");

  addDbOptions(cmd.command("add").description("create a user (password read from stdin)"))
    .requiredOption("--email <email>", "login email")
    .option("--name <name>", "display name")
    .option("--admin", "global administrator")
    .option("--role <role>", "role on --partnership: viewer, editor, reviewer or admin")
    .option("--partnership <slug>", "partnership the role applies to")
    .option("--party <code>", "party the user acts for (ISO code, e.g. VN)")
    .option("--json", "print JSON")
    .addHelpText(
      "after",
      "\nExample:\n  echo 'a long passphrase' | entente users add --email ana@example.org --role reviewer --partnership gb-vn --party VN",
    )
    .action(
      async (
        opts: DbOptions & {
          email: string;
          name?: string;
          admin?: boolean;
          role?: string;
          partnership?: string;
          party?: string;
          json?: boolean;
        },
      ) => {
        if (opts.role && !opts.partnership) throw new AppError("usage", "--role needs --partnership <slug>");
        const role = opts.role ? roleSchema.safeParse(opts.role) : undefined;
        if (role && !role.success) throw new AppError("usage", `--role must be one of viewer, editor, reviewer, admin`);
        const password = await readPassword();
        const user = await withDb(opts, async (db) => {
          const grants = [];
          if (role?.success && opts.partnership) {
            const p = await requirePartnershipRef(db, opts.partnership);
            grants.push({ role: role.data, partnershipId: p.id, party: opts.party?.toUpperCase() ?? null });
          }
          return createUser(db, cliActor(), {
            email: opts.email,
            name: opts.name ?? opts.email,
            password,
            isAdmin: opts.admin === true,
            grants,
          });
        });
        if (opts.json) return printJson(user);
        process.stdout.write(`Created user ${user.email}${user.isAdmin ? " (admin)" : ""}\n`);
      },
    );

  addDbOptions(cmd.command("reset").description("set a new password (read from stdin) and end the user's sessions"))
    .requiredOption("--email <email>", "the user")
    .action(async (opts: DbOptions & { email: string }) => {
      const password = await readPassword();
      await withDb(opts, (db) => resetPassword(db, cliActor(), opts.email, password));
      process.stdout.write(`Password reset for ${opts.email}\n`);
    });

  addDbOptions(cmd.command("revoke-token").description("revoke an API token"))
    .requiredOption("--id <id>", "token id (see: entente users tokens)")
    .action(async (opts: DbOptions & { id: string }) => {
      const id = Number(opts.id);
      if (!Number.isInteger(id) || id <= 0) throw new AppError("usage", "--id must be a positive number");
      await withDb(opts, (db) => revokeApiToken(db, cliActor(), id, true));
      process.stdout.write(`Revoked token ${id}\n`);
    });

  addDbOptions(cmd.command("tokens").description("list a user's API tokens"))
    .requiredOption("--email <email>", "the user")
    .option("--json", "print JSON")
    .action(async (opts: DbOptions & { email: string; json?: boolean }) => {
      const tokens = await withDb(opts, async (db) => {
        const user = await findUserByEmail(db, opts.email);
        if (!user) throw new AppError("not_found", `No user ${opts.email}`);
        return listApiTokens(db, user.id);
      });
      if (opts.json) return printJson(tokens);
      for (const t of tokens) {
        process.stdout.write(`${t.id}\t${t.name}\t${t.revoked_at ? "revoked" : "active"}\n`);
      }
    });

  addDbOptions(cmd.command("token").description("issue an API token for a user (shown once)"))
    .requiredOption("--email <email>", "the user")
    .option("--name <name>", "what the token is for", "cli")
    .action(async (opts: DbOptions & { email: string; name: string }) => {
      const token = await withDb(opts, async (db) => {
        const user = await findUserByEmail(db, opts.email);
        if (!user) throw new AppError("not_found", `No user ${opts.email}`);
        return createApiToken(db, cliActor(), user.id, opts.name);
      });
      process.stdout.write(`${token.token}\n`);
    });
}
