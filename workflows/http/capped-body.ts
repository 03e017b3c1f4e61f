/**
 * Reads a body up to `max` bytes: a request's, for the routes that must refuse a big body before doing any work on
 * it (tRPC before superjson, webhooks before the signature), or a response's (core.http_request, so an endless
 * answer cannot fill the worker's memory). A Content-Length above the limit is refused without reading; a body
 * without one is cut off at the limit and the rest is never read. Here, below server/, so the worker shares it.
 */
export type CappedBody = { ok: true; bytes: Buffer } | { ok: false; declared: number | null };

export async function readCappedBody(req: Pick<Request, "headers" | "body">, max: number): Promise<CappedBody> {
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
