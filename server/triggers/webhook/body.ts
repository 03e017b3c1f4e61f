import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { jsonLimits, parseJsonBounded } from "../../../db/json";
import type { LiveEndpoint } from "./endpoint";
import { HookHttpError } from "./http-error";
import { readCappedBody } from "../../../workflows/http/capped-body";

type BodyType = LiveEndpoint["bodyType"];

const ACCEPTS: Record<BodyType, { test: (mime: string) => boolean; expect: string }> = {
  json: { test: (m) => m === "application/json" || (m.startsWith("application/") && m.endsWith("+json")), expect: "application/json" },
  form: { test: (m) => m === "application/x-www-form-urlencoded", expect: "application/x-www-form-urlencoded" },
  text: { test: (m) => m.startsWith("text/"), expect: "text/*" },
  binary: { test: () => true, expect: "any type" },
};

/** The Content-Type must be what the hook's parser reads (checked before the body is read). */
export function checkContentType(bodyType: BodyType, headers: Headers): void {
  const mime = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!mime && headers.get("content-length") === "0") return;
  if (!mime && bodyType !== "binary") throw new HookHttpError(415, `This hook parses ${bodyType}: send Content-Type ${ACCEPTS[bodyType].expect}`);
  if (mime && !ACCEPTS[bodyType].test(mime)) throw new HookHttpError(415, `This hook parses ${bodyType}: Content-Type ${mime} does not match (expected ${ACCEPTS[bodyType].expect})`);
}

/** Reads the body up to the hook's limit; a declared or streamed size above it is 413 before any signature work. */
export async function readRawBody(req: Request, maxBytes: number): Promise<Buffer> {
  const read = await readCappedBody(req, maxBytes);
  if (read.ok) return read.bytes;
  const size = read.declared === null ? "The body is" : `The body (${read.declared} bytes) is`;
  throw new HookHttpError(413, `${size} larger than this hook's limit of ${maxBytes} bytes`);
}

/** Undoes Content-Encoding with a cap on the output, so a small compressed bomb cannot fill memory. */
export function decompress(raw: Buffer, encoding: string | null, maxBytes: number): Buffer {
  const enc = (encoding ?? "identity").trim().toLowerCase();
  const opts = { maxOutputLength: maxBytes };
  try {
    if (enc === "identity" || enc === "") return raw;
    if (enc === "gzip" || enc === "x-gzip") return gunzipSync(raw, opts);
    if (enc === "deflate") return inflateSync(raw, opts);
    if (enc === "br") return brotliDecompressSync(raw, opts);
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new HookHttpError(413, `The body decompresses to more than this hook's limit of ${maxBytes} bytes`);
    throw new HookHttpError(400, `The body is not valid ${enc} data`);
  }
  throw new HookHttpError(415, `Content-Encoding ${enc} is not supported (use gzip, deflate or br)`);
}

/**
 * The body as the run sees it. A body that can never be accepted is refused here with an answer saying why, not
 * taken in and failed later: JSON nested deeper than JUNCTION_JSON_MAX_DEPTH (422; Postgres, V8 and superjson all
 * recurse) or not JSON at all (400). Its size was capped already (the hook's maxDecompressedBytes).
 */
export function parseBody(bodyType: BodyType, data: Buffer, contentType: string | null): unknown {
  if (data.length === 0) return null;
  switch (bodyType) {
    case "json": {
      const parsed = parseJsonBounded(data.toString("utf8"), { maxDepth: jsonLimits().maxDepth, maxBytes: Number.MAX_SAFE_INTEGER }, "The body");
      if (parsed.ok) return parsed.value;
      throw new HookHttpError(parsed.violation ? 422 : 400, parsed.message);
    }
    case "form": {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(data.toString("utf8"))) {
        const prev = out[k];
        out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      return out;
    }
    case "text":
      return data.toString("utf8");
    case "binary":
      return { contentType, sizeBytes: data.length, base64: data.toString("base64") };
  }
}
