import type { IncomingMessage, ServerResponse } from "node:http";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "../core/config.ts";
import type { Db } from "../core/db/create-db.ts";
import { registerAccessControl } from "./access.ts";
import { frameworkErrorHandler, registerErrorHandling } from "./error-handler.ts";

export interface AppContext {
  db: Db;
  config: Config;
}

declare module "fastify" {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Default JSON body limit; routes taking documents raise it explicitly. */
export const BODY_LIMIT = 1024 * 1024;

/**
 * The bare application: zod validation, OpenAPI, cookies, error mapping and
 * access control. Feature routes are added by src/server.ts.
 */
export async function createApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: BODY_LIMIT,
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate("ctx", ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Entente API",
        version: "1",
        description: "Bilateral partnership digests, Joint Action Plans, implementation tracking and targets.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "entente_session" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(cookie);
  // A strict Content-Security-Policy: only our own scripts, styles and images.
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  registerAccessControl(app, ctx.db);
  return app;
}
