import { depthViolation, jsonTextDepth } from "../../../db/json";
import { SandboxGuestError, SandboxLimitError, type GuestDeclaration } from "../errors";

/**
 * Reads the one string the bootstrap's invoke returns: `<pending>|<tag><body>`. The guest can shape that string
 * however it likes if it subverts the bootstrap, so everything is re-checked: type, size (as UTF-8 bytes) and
 * JSON. The host only ever JSON.parses guest data (JSON.parse makes `__proto__` an own key, never a prototype).
 * Depth is checked on the text, before parsing: a value nested thousands deep parses (V8's JSON.parse is
 * iterative) but then overflows whatever recurses over it next — IPC, Temporal's payloads, superjson.
 */
export type DecodedResult =
  | { pending: number; kind: "value"; output: unknown }
  | { pending: number; kind: "error"; error: SandboxGuestError | SandboxLimitError };

export function decodeResult(raw: unknown, outputBytes: number, maxDepth: number): DecodedResult {
  if (typeof raw !== "string") return malformed();
  const bar = raw.indexOf("|");
  const pending = Number(raw.slice(0, bar));
  if (bar < 1 || !Number.isSafeInteger(pending)) return malformed();
  const tag = raw[bar + 1];
  const body = raw.slice(bar + 2);
  if (tag === "L" || (tag === "v" && Buffer.byteLength(body) > outputBytes)) {
    const size = tag === "L" ? Number(body) : Buffer.byteLength(body);
    return { pending, kind: "error", error: outputTooLarge(size, outputBytes) };
  }
  // "D": the guest's own JSON.stringify ran out of stack, i.e. the output is thousands of levels deep.
  if (tag === "D" || (tag === "v" && jsonTextDepth(body, maxDepth) > maxDepth)) return { pending, kind: "error", error: outputTooDeep(maxDepth) };
  try {
    if (tag === "v") return { pending, kind: "value", output: JSON.parse(body) as unknown };
    if (tag === "e") {
      const { name, message, ...hint } = JSON.parse(body) as { name?: unknown; message?: unknown };
      const error = new SandboxGuestError(clip(name, 100) || "Error", clip(message, 2000), guestDeclaration(hint));
      return { pending, kind: "error", error };
    }
  } catch {
    // fall through
  }
  return malformed(pending);
}

/** Only well-formed hints are kept: a boolean, a delay up to a day, an HTTP status. */
function guestDeclaration(hint: Record<string, unknown>): GuestDeclaration | undefined {
  const declared: GuestDeclaration = {};
  if (typeof hint.retryable === "boolean") declared.retryable = hint.retryable;
  if (typeof hint.retryAfterMs === "number" && hint.retryAfterMs >= 0 && hint.retryAfterMs <= 86_400_000) declared.retryAfterMs = Math.round(hint.retryAfterMs);
  if (Number.isInteger(hint.status) && (hint.status as number) >= 100 && (hint.status as number) <= 599) declared.status = hint.status as number;
  return Object.keys(declared).length ? declared : undefined;
}

function outputTooLarge(size: number, limit: number): SandboxLimitError {
  return new SandboxLimitError("output", `The action's output is ${size} bytes of JSON, more than ${limit} (limit output).`);
}

function outputTooDeep(limit: number): SandboxLimitError {
  return new SandboxLimitError("depth", depthViolation("The action's output", limit).message);
}

function malformed(pending = 1): DecodedResult {
  return { pending, kind: "error", error: new SandboxGuestError("Error", "The action returned a malformed result.") };
}

function clip(value: unknown, max: number): string {
  const text = typeof value === "string" ? value : "";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
