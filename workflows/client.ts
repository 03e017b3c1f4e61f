import { Client, Connection } from "@temporalio/client";
import { temporalConfig } from "./config";
import { clientDataConverter } from "./data-converter";

// One connection per process, reused by every request: opening one per request is what ARCHITECTURE.md warns against.
const g = globalThis as unknown as { __junctionTemporal?: Promise<{ connection: Connection; client: Client; address: string }> };

async function connect(address: string, namespace: string) {
  const connection = await Connection.connect({ address, connectTimeout: "3s" });
  // Every payload is encrypted before it leaves this process (workflows/codec.ts).
  return { connection, client: new Client({ connection, namespace, dataConverter: clientDataConverter() }), address };
}

export async function temporal(): Promise<{ connection: Connection; client: Client }> {
  const { address, namespace } = temporalConfig();
  const cached = g.__junctionTemporal;
  if (cached) {
    const c = await cached.catch(() => null);
    if (c && c.address === address) return c;
  }
  const pending = connect(address, namespace);
  g.__junctionTemporal = pending;
  // A failed connect is not cached, so the next call retries (Temporal may come up after the web process).
  pending.catch(() => {
    if (g.__junctionTemporal === pending) g.__junctionTemporal = undefined;
  });
  return pending;
}
