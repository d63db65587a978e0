import { Command } from "commander";
import { registerActionsCommand } from "./commands/actions.ts";
import { registerAuditCommand } from "./commands/audit.ts";
import { registerBackupCommands } from "./commands/backup.ts";
import { registerDbCommand } from "./commands/db.ts";
import { registerDemoCommand } from "./commands/demo.ts";
import { registerExtractCommand } from "./commands/extract.ts";
import { registerIndicatorsCommand } from "./commands/indicators.ts";
import { registerPlanCommands } from "./commands/plan.ts";
import { registerPartnershipsCommand } from "./commands/partnerships.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerUpdatesCommand } from "./commands/updates.ts";
import { registerUsersCommand } from "./commands/users.ts";
import { reportCliError } from "./exit-codes.ts";

const program = new Command("entente")
  .description("Entente: partnership digests, Joint Action Plans, implementation tracking and targets")
  .version("0.1.0")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride()
  .addHelpText(
    "after",
    `
Examples:
  entente serve --port 3000                 start the portal and API
  entente extract article1.txt article2.html --json > digest.json
  entente partnerships list --json
  entente demo load                         load demo partnerships into the database

Exit codes: 0 ok, 1 failure, 2 usage or configuration error.
Environment: ENTENTE_DATA_DIR, DATABASE_URL, PORT, ENTENTE_DEMO (see README).`,
  );

registerServeCommand(program);
registerDbCommand(program);
registerDemoCommand(program);
registerExtractCommand(program);
registerPartnershipsCommand(program);
registerUsersCommand(program);
registerActionsCommand(program);
registerUpdatesCommand(program);
registerAuditCommand(program);
registerIndicatorsCommand(program);
registerPlanCommands(program);
registerBackupCommands(program);

// Subcommands inherit exitOverride so usage errors reach reportCliError.
const inherit = (cmd: Command): void => {
  for (const sub of cmd.commands) {
    sub.exitOverride();
    inherit(sub);
  }
};
inherit(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportCliError(err);
}
