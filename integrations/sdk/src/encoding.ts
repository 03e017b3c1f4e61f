/**
 * The sandbox has no TextEncoder, btoa or URLSearchParams (only what V8 itself provides), so integrations that
 * need Basic auth or form bodies use these.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** UTF-8 bytes of a string (encodeURIComponent does the UTF-8 encoding for us). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  const escaped = encodeURIComponent(text);
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === "%") {
      bytes.push(parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(escaped.charCodeAt(i));
  }
  return bytes;
}

export function base64(text: string): string {
  const b = utf8Bytes(text);
  let out = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + (i + 1 < b.length ? ALPHABET[(n >> 6) & 63]! : "=") + (i + 2 < b.length ? ALPHABET[n & 63]! : "=");
  }
  return out;
}

/** `a=1&b=x+y` (application/x-www-form-urlencoded); arrays repeat the key. */
export function formEncode(values: Record<string, unknown>): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  return Object.entries(values)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== null).map((x) => `${enc(k)}=${enc(typeof x === "object" ? JSON.stringify(x) : String(x))}`))
    .join("&");
}

/** Appends query parameters to a URL that may already have some (no URL class in the sandbox). */
export function withQuery(url: string, query: Record<string, unknown>): string {
  const qs = formEncode(query).replace(/\+/g, "%20");
  if (!qs) return url;
  const hash = url.indexOf("#");
  const [base, fragment] = hash === -1 ? [url, ""] : [url.slice(0, hash), url.slice(hash)];
  return `${base}${base.includes("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?"}${qs}${fragment}`;
}
