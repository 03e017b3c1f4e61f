import { SandboxGuestError, SandboxLimitError } from "../errors";

/**
 * Reads the one string the bootstrap's invoke returns: `<pending>|<tag><body>`. The guest can shape that string
 * however it likes if it subverts the bootstrap, so everything is re-checked: type, size (as UTF-8 bytes) and
 * JSON. The host only ever JSON.parses guest data (JSON.parse makes `__proto__` an own key, never a prototype).
 */
export type DecodedResult =
  | { pending: number; kind: "value"; output: unknown }
  | { pending: number; kind: "error"; error: SandboxGuestError | SandboxLimitError };

export function decodeResult(raw: unknown, outputBytes: number): DecodedResult {
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
  try {
    if (tag === "v") return { pending, kind: "value", output: JSON.parse(body) as unknown };
    if (tag === "e") {
      const { name, message } = JSON.parse(body) as { name?: unknown; message?: unknown };
      const error = new SandboxGuestError(clip(name, 100) || "Error", clip(message, 2000));
      return { pending, kind: "error", error };
    }
  } catch {
    // fall through
  }
  return malformed(pending);
}

function outputTooLarge(size: number, limit: number): SandboxLimitError {
  return new SandboxLimitError("output", `The action's output is ${size} bytes of JSON, more than ${limit} (limit output).`);
}

function malformed(pending = 1): DecodedResult {
  return { pending, kind: "error", error: new SandboxGuestError("Error", "The action returned a malformed result.") };
}

function clip(value: unknown, max: number): string {
  const text = typeof value === "string" ? value : "";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
