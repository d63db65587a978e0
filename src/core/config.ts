import path from "node:path";
import { z } from "zod";
import { AppError } from "./errors.ts";

/**
 * Runtime configuration, read and validated once at start-up.
 * Sources, lowest priority first: defaults, environment, CLI flags.
 */
export const configSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\/.+/, "must look like postgres://user:password@host:5432/database")
    .optional(),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  demo: z.boolean(),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
  adminEmail: z.email().optional(),
  adminPassword: z.string().min(12, "must be at least 12 characters").optional(),
  /** Set cookies with the Secure flag (behind TLS). */
  secureCookies: z.boolean(),
});

export type Config = z.infer<typeof configSchema>;

const ENV_NAMES: Record<keyof Config, string> = {
  dataDir: "ENTENTE_DATA_DIR",
  databaseUrl: "DATABASE_URL",
  port: "PORT",
  host: "HOST",
  demo: "ENTENTE_DEMO",
  logLevel: "LOG_LEVEL",
  adminEmail: "ENTENTE_ADMIN_EMAIL",
  adminPassword: "ENTENTE_ADMIN_PASSWORD",
  secureCookies: "ENTENTE_SECURE_COOKIES",
};

const flag = (v: string | undefined, fallback: boolean): boolean =>
  v === undefined || v === "" ? fallback : !["0", "false", "no", "off"].includes(v.toLowerCase());

/**
 * Builds the configuration from the environment and CLI overrides.
 * Throws a `config` AppError naming the variable and the problem.
 */
export function loadConfig(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw = {
    dataDir: path.resolve(env.ENTENTE_DATA_DIR || "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    port: env.PORT || 3000,
    host: env.HOST || "127.0.0.1",
    demo: flag(env.ENTENTE_DEMO, true),
    logLevel: env.LOG_LEVEL || "warn",
    adminEmail: env.ENTENTE_ADMIN_EMAIL || undefined,
    adminPassword: env.ENTENTE_ADMIN_PASSWORD || undefined,
    secureCookies: flag(env.ENTENTE_SECURE_COOKIES, false),
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path[0];
    const name = typeof key === "string" && key in ENV_NAMES ? ENV_NAMES[key as keyof Config] : String(key);
    throw new AppError("config", `Invalid configuration ${name}: ${issue?.message ?? "invalid value"}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}
