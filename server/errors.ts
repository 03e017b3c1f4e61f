/**
 * Errors the services throw. They carry no tRPC types so route handlers, scripts and the worker can use the
 * services too; server/api/trpc.ts maps them to tRPC codes, and `fieldErrors` reach the form next to the field.
 */
export type DomainErrorCode = "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "TOO_MANY_REQUESTS";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** A problem with one input field, shown beside that field in the form. */
export function fieldError(field: string, message: string, code: DomainErrorCode = "BAD_REQUEST"): DomainError {
  return new DomainError(code, message, { [field]: [message] });
}
