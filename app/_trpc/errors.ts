/**
 * Reading tRPC errors in forms. The server's error formatter (server/api/trpc.ts) sends
 * `data.fieldErrors` for per-field problems and `message` for everything else. These helpers accept
 * `unknown` so they work on query errors, mutation errors and anything thrown in between.
 */
export type FieldErrors = Record<string, string[] | undefined>;

type ErrorLike = { message?: unknown; data?: { code?: unknown; fieldErrors?: unknown } | null };

export function fieldErrorsOf(error: unknown): FieldErrors {
  const fe = (error as ErrorLike | null)?.data?.fieldErrors;
  return fe && typeof fe === "object" ? (fe as FieldErrors) : {};
}

export function hasFieldErrors(error: unknown): boolean {
  return Object.values(fieldErrorsOf(error)).some((v) => v && v.length > 0);
}

/** The tRPC error code (UNAUTHORIZED, NOT_FOUND, ...), or undefined for network and other errors. */
export function codeOf(error: unknown): string | undefined {
  const code = (error as ErrorLike | null)?.data?.code;
  return typeof code === "string" ? code : undefined;
}

export function messageOf(error: unknown): string {
  const message = (error as ErrorLike | null)?.message;
  if (typeof message === "string" && message && message !== "Failed to fetch") return message;
  return "Could not reach Junction. Check your connection and try again.";
}

/** The general message to show above a form: nothing when every problem is already shown at its field. */
export function formMessageOf(error: unknown): string | null {
  if (!error) return null;
  return hasFieldErrors(error) ? null : messageOf(error);
}
