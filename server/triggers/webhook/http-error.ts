/** A refusal of the ingest path: its status, a message naming the problem, and headers such as Retry-After. */
export class HookHttpError extends Error {
  override name = "HookHttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
