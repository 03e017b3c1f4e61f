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
