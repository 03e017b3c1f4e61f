import pino from "pino";

/**
 * The one structured logger. JSON lines on stdout; every secret-looking field is redacted so a careless
 * `log.info({ body })` cannot leak credentials into log storage.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: process.env.JUNCTION_SERVICE ?? "web" },
  redact: {
    paths: [
      "password",
      "*.password",
      "*.passwordHash",
      "secret",
      "*.secret",
      "token",
      "*.token",
      "*.accessToken",
      "*.refreshToken",
      // Connection credentials and OAuth material (server/connections), in case one is ever passed to a log call.
      "credentials",
      "*.credentials",
      "*.apiKey",
      "*.clientSecret",
      "*.codeVerifier",
      "*.access_token",
      "*.refresh_token",
      "*.id_token",
      "*.code_verifier",
      "headers.authorization",
      "headers.cookie",
      "req.headers.authorization",
      "req.headers.cookie",
    ],
    censor: "[redacted]",
  },
});

export type Logger = typeof log;
