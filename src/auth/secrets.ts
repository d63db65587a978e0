import crypto from "node:crypto";

/** A random secret for a session id or API token (256 bits, URL-safe). */
export const newSecret = (prefix = ""): string => prefix + crypto.randomBytes(32).toString("base64url");

/** Secrets are stored only as SHA-256 digests; a leaked table reveals none. */
export const digestSecret = (secret: string): string => crypto.createHash("sha256").update(secret).digest("hex");
