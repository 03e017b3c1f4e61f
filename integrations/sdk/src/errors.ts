/**
 * Errors an integration's code (or the SDK's glue around it) throws inside the sandbox. The runtime reports a
 * guest error by `name` and `message` only, so both are written for the person reading the run view.
 */
type Issue = { path: PropertyKey[]; message: string };

function describe(issues: Issue[]): string {
  return issues.map((i) => `${i.path.length ? `field "${i.path.map(String).join(".")}"` : "value"}: ${i.message}`).join("; ");
}

/** The step's input does not match the action's input schema. */
export class InputValidationError extends Error {
  override name = "InputValidationError";
  constructor(
    readonly actionKey: string,
    readonly issues: Issue[],
  ) {
    super(`Invalid input for ${actionKey}: ${describe(issues)}`);
  }
}

/** The action returned something its own output schema rejects: a bug in the integration. */
export class OutputValidationError extends Error {
  override name = "OutputValidationError";
  constructor(
    readonly actionKey: string,
    readonly issues: Issue[],
  ) {
    super(`Output of ${actionKey} does not match its output schema: ${describe(issues)}`);
  }
}

/** The step's connection is missing or lacks fields the connection kind requires. */
export class ConnectionError extends Error {
  override name = "ConnectionError";
}

/** The sandbox entry was asked for something the integration does not define. */
export class UnknownEntryError extends Error {
  override name = "UnknownEntryError";
}

/**
 * The service rejected the connection's credentials (HTTP 401). Throw it from the integration's client: for an
 * OAuth2 connection the platform refreshes the token once and runs the action again.
 */
export class AuthenticationError extends Error {
  override name = "AuthenticationError";
}

export type StepErrorOptions = {
  /** Wait at least this long before the next attempt (e.g. from a Retry-After header), up to a day. */
  retryAfterMs?: number;
  /** The HTTP status the service answered, when that is why the step failed: the run view names it. */
  status?: number;
};

/**
 * Throw it (or a subclass) to say the step may succeed if run again: a rate limit, a service that is briefly
 * down. The step is then retried under its retry settings. Any other error an action throws fails the step
 * without a retry (the same code with the same input throws again), except network failures the platform
 * itself saw as transient (a reset connection, a timeout).
 */
export class RetryableError extends Error {
  override name = "RetryableError";
  readonly retryable = true;
  readonly retryAfterMs?: number;
  readonly status?: number;
  constructor(message: string, options: StepErrorOptions = {}) {
    super(message);
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.status !== undefined) this.status = options.status;
  }
}

/** Throw it to say running the step again cannot help (the service refused the request as it is). */
export class PermanentError extends Error {
  override name = "PermanentError";
  readonly retryable = false;
  readonly status?: number;
  constructor(message: string, options: Pick<StepErrorOptions, "status"> = {}) {
    super(message);
    if (options.status !== undefined) this.status = options.status;
  }
}
