/**
 * Reads a request body up to `max` bytes, for the routes that must refuse a big body before doing any work on
 * it (tRPC before superjson, webhooks before the signature). A Content-Length above the limit is refused without
 * reading; a body without one is cut off at the limit and the rest is never read.
 */
export type CappedBody = { ok: true; bytes: Buffer } | { ok: false; declared: number | null };

export async function readCappedBody(req: Request, max: number): Promise<CappedBody> {
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > max) {
    await req.body?.cancel().catch(() => {});
    return { ok: false, declared };
  }
  if (!req.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return { ok: false, declared: null };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}
