import pino from "pino";

/**
 * The one structured logger. JSON lines on stdout; every secret-looking field is redacted so a careless
 * `log.info({ body })` cannot leak credentials into log storage.
 *
 * Written asynchronously: stdout is a pipe to the supervisor (npm start), and on Linux a write to a full pipe
 * blocks the event loop until the reader drains it; a webhook acknowledgement should never wait for a log line.
 * Lines queued while a write is in flight go out together, and pino flushes what is left synchronously on exit.
 */
export const log = pino(
  {
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
  },
  pino.destination({ dest: 1, sync: false }),
);

export type Logger = typeof log;
