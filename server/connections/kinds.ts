import { fieldError } from "../errors";
import type { ConnectionKind } from "./inputs";

/** Which sealed fields each kind has; `custom` has whatever the user names. */
const KNOWN: Record<Exclude<ConnectionKind, "custom">, { fields: string[]; editable: string[] }> = {
  api_key: { fields: ["apiKey"], editable: ["apiKey"] },
  basic: { fields: ["username", "password"], editable: ["username", "password"] },
  // Tokens change only through the OAuth flow; the client secret may be replaced by hand.
  oauth2: { fields: ["clientSecret", "accessToken", "refreshToken"], editable: ["clientSecret"] },
};

export type FieldStatus = Record<string, "set" | "unset">;

/** What the browser learns about credentials: each field's name and whether it holds a value. Never values. */
export function fieldStatus(kind: string, setNames: string[]): FieldStatus {
  const known = KNOWN[kind as keyof typeof KNOWN]?.fields ?? [];
  const status: FieldStatus = {};
  for (const f of [...known, ...setNames]) status[f] = setNames.includes(f) ? "set" : "unset";
  return status;
}

/** Refuses a set/unset of a field the kind does not have or lets users change. */
export function assertEditable(kind: string, names: string[], which: "set" | "unset"): void {
  if (kind === "custom") return;
  const editable = KNOWN[kind as keyof typeof KNOWN]?.editable ?? [];
  const bad = names.filter((n) => !editable.includes(n));
  if (bad.length > 0) {
    const allowed = editable.length ? editable.join(", ") : "none";
    throw fieldError(which, `A ${kind} connection has no editable field ${bad.join(", ")} (editable: ${allowed}).`);
  }
}
