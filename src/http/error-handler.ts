import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { AppError, type ErrorCode, errorCatalogue } from "../core/errors.ts";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Fastify's own error codes, mapped onto the catalogue. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "bad_request",
  FST_ERR_CTP_EMPTY_JSON_BODY: "bad_request",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "bad_request",
  FST_ERR_CTP_INVALID_TYPE: "unsupported_media_type",
  FST_ERR_BAD_URL: "bad_request",
  FST_ERR_MAX_PARAM_LENGTH: "bad_request",
  FST_ERR_ASYNC_CONSTRAINT: "bad_request",
  FST_ERR_VALIDATION: "bad_request",
  FST_CSRF_INVALID_TOKEN: "forbidden",
  FST_CSRF_MISSING_SECRET: "forbidden",
  FST_ERR_RATE_LIMITED: "rate_limited",
};

/** PostgreSQL SQLSTATEs a request can cause (same on PGlite and the server). */
const SQLSTATE: Record<string, ErrorCode> = {
  "23505": "conflict",
  "23503": "invalid",
  "23514": "invalid",
  "22P02": "bad_request",
  "22001": "invalid",
  "22021": "bad_request",
  "42501": "forbidden",
};

/**
 * The one place errors become HTTP responses: `{ error: { code, message } }`
 * with the catalogue's status; unknown errors are logged and answered with a
 * generic 500, never a stack trace.
 */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  const make = (code: ErrorCode, message: string, details?: unknown) => ({
    status: errorCatalogue[code].status,
    body: { error: details === undefined ? { code, message } : { code, message, details } },
    unexpected: false,
  });
  if (err instanceof AppError) return make(err.code, err.message, err.details);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      field: `${err.validationContext ?? "body"}${v.instancePath.replaceAll("/", ".")}`,
      message: v.message ?? "invalid",
    }));
    const first = issues[0];
    return make("bad_request", first ? `Invalid ${first.field}: ${first.message}` : "Invalid request", { issues });
  }
  if (err instanceof ZodError) {
    const issues = err.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
    const first = issues[0];
    return make("invalid", first ? `Invalid ${first.field || "input"}: ${first.message}` : "Invalid input", { issues });
  }
  if (err instanceof Error && "code" in err && typeof err.code === "string") {
    const fastifyCode = FASTIFY_CODES[err.code];
    if (fastifyCode) return make(fastifyCode, err.message);
    const sqlCode = SQLSTATE[err.code];
    if (sqlCode) return make(sqlCode, sqlMessage(sqlCode));
  }
  const status = (err as Partial<FastifyError>)?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return make("bad_request", err instanceof Error ? err.message : "Bad request");
  }
  return { ...make("internal", "Internal server error"), unexpected: true };
}

function sqlMessage(code: ErrorCode): string {
  if (code === "conflict") return "A record with these values already exists";
  if (code === "forbidden") return "This record cannot be changed";
  return "The request refers to data that does not exist or is not allowed";
}

/** Errors Fastify's router raises before any route runs (bad URL, over-long parameter). */
export function frameworkErrorHandler(err: unknown, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(err);
  reply.status(status).type("application/json").send(body);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body, unexpected } = toErrorBody(err);
    if (unexpected) request.log.error({ err }, "unhandled error");
    return reply.status(status).type("application/json").send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: "not_found", message: `No route ${request.method} ${request.url.split("?")[0]}` },
    } satisfies ErrorBody),
  );
}
