/**
 * The one error catalogue. Every failure a user can cause or see is an
 * `AppError` with a stable `code`; HTTP (src/http/error-handler.ts) and the
 * CLI (src/cli/exit-codes.ts) each map it in exactly one place.
 *
 * @example
 *   throw new AppError("not_found", `No partnership "${slug}"`);
 */
export const errorCatalogue = {
  bad_request: { status: 400, exit: 2 },
  invalid: { status: 422, exit: 1 },
  unauthorized: { status: 401, exit: 1 },
  forbidden: { status: 403, exit: 1 },
  not_found: { status: 404, exit: 1 },
  conflict: { status: 409, exit: 1 },
  payload_too_large: { status: 413, exit: 1 },
  unsupported_media_type: { status: 415, exit: 1 },
  rate_limited: { status: 429, exit: 1 },
  usage: { status: 400, exit: 2 },
  config: { status: 500, exit: 2 },
  internal: { status: 500, exit: 1 },
} as const satisfies Record<string, { status: number; exit: number }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** Where in an input a problem sits: file, line, column, field. */
export interface Problem {
  message: string;
  where?: { file?: string; line?: number; column?: number; field?: string };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  get exitCode(): number {
    return errorCatalogue[this.code].exit;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Formats problems as `file:line:column field: message` lines. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const w = p.where;
      if (!w) return p.message;
      const loc = [w.file, w.line, w.column].filter((x) => x !== undefined).join(":");
      const field = w.field ? ` ${w.field}` : "";
      return `${loc}${field}: ${p.message}`.trim();
    })
    .join("\n");
}

/** Throws an `invalid` AppError listing every problem when there are any. */
export function assertNoProblems(problems: readonly Problem[], summary: string): void {
  if (problems.length > 0) {
    throw new AppError("invalid", `${summary}\n${formatProblems(problems)}`, { problems });
  }
}
