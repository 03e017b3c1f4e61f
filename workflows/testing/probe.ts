import { mkdtemp } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildPackage } from "@junction/cli";
import type { Database } from "../../db/client";
import { installations } from "../../db/schema";
import { storeVersion } from "../../server/integrations/versions";

const PROBE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "probe-integration");

/** Builds the probe integration with the real CLI and stores it as an approved, signed version ("probe@1.0.0"). */
export async function storeProbe(db: Database) {
  const built = await buildPackage(PROBE_DIR, { outDir: await mkdtemp(path.join(tmpdir(), "junction-probe-")) });
  const stored = await storeVersion(db, { slug: "probe", name: built.manifest.name, official: false, manifest: built.manifest, bundle: built.bundle, status: "approved" });
  return { ...stored, built };
}

export async function installProbe(db: Database, workspaceId: string, probe: { integrationId: string; versionId: string }) {
  await db.insert(installations).values({ workspaceId, integrationId: probe.integrationId, versionId: probe.versionId }).onConflictDoNothing();
}

/** A graph node running a probe action. */
export const probeNode = (id: string, key: string, input: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  id,
  kind: "action" as const,
  action: { integration: "probe", version: "1.0.0", key },
  input,
  ...extra,
});

/**
 * The probe's third party on loopback: /me answers 200 to `Bearer <goodToken>` (401 otherwise) and records the
 * x-probe-secret header; /slow answers after `slowMs` and records how many requests were in flight at most.
 */
export async function startProbeService(goodToken: string, slowMs = 400) {
  const secretsSeen: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith("/slow")) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end("ok");
      }, slowMs);
      return;
    }
    const secret = req.headers["x-probe-secret"];
    if (typeof secret === "string") secretsSeen.push(secret);
    res.statusCode = req.headers.authorization === `Bearer ${goodToken}` ? 200 : 401;
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: res.statusCode === 200 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    secretsSeen,
    maxInFlight: () => maxInFlight,
    resetInFlight: () => void (maxInFlight = 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
