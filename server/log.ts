import pino from "pino";
import { redactForLog, redactLogText } from "../db/redact";

/**
 * The one structured logger. JSON lines on stdout.
 *
 * Every call goes through db/redact.ts before it is written (the hook below, and the child bindings): keys that
 * name secrets are redacted at any depth, errors become plain objects with their SQL parameters taken out (a
 * failed insert's error carries the row: a sign-up's holds the password hash), and text loses URL credentials.
 * pino's own `redact` is not used: its paths need a wildcard per depth, and it cannot see inside an error's message.
 *
 * Written asynchronously: stdout is a pipe to the supervisor (npm start), and on Linux a write to a full pipe
 * blocks the event loop until the reader drains it; a webhook acknowledgement should never wait for a log line.
 * Lines queued while a write is in flight go out together, and pino flushes what is left synchronously on exit.
 */
export function createLogger(destination: pino.DestinationStream) {
  const logger = pino(
    {
      level: process.env.LOG_LEVEL ?? "info",
      base: { service: process.env.JUNCTION_SERVICE ?? "web" },
      // Errors arrive already made plain by redactArgs; pino's own serializer would rename their type "Object".
      serializers: { err: (err: unknown) => err },
      hooks: {
        logMethod(args, method) {
          method.apply(this, redactArgs(args) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
  // A child's bindings are written on each of its lines. pino's bindings formatter sees only the root's, so child()
  // itself redacts them; children are made with Object.create, so theirs inherit this one.
  const child = logger.child;
  logger.child = function (this: typeof logger, bindings, options) {
    return child.call(this, redactForLog(bindings) as typeof bindings, options);
  } as typeof logger.child;
  return logger;
}

/** A log call's arguments, redacted: `log.error(err)` becomes `log.error({ err })` with the error made safe. */
function redactArgs(args: unknown[]): unknown[] {
  return args.map((arg, i) => {
    if (typeof arg === "string") return redactLogText(arg);
    if (i === 0 && arg instanceof Error) return { err: redactForLog(arg) };
    return arg !== null && typeof arg === "object" ? redactForLog(arg) : arg;
  });
}

export const log = createLogger(pino.destination({ dest: 1, sync: false }));

export type Logger = typeof log;
