import { defineAction, defineConnection, defineIntegration, manifestOf } from "@junction/sdk";
import { z } from "zod";
import type { Database } from "../../../db/client";
import { installations } from "../../../db/schema";
import { storeVersion } from "../../integrations/versions";

/**
 * An integration declaring one connection of every kind, stored as an approved version and installed in a
 * workspace, for tests of the connection API (which checks the kind against the manifest). Its bundle is never
 * run: tests that run integration code build theirs with the CLI (workflows/testing/probe.ts).
 */
const kinds = defineIntegration({
  id: "kinds",
  name: "Kinds",
  version: "1.0.0",
  author: "Junction tests",
  description: "One connection of every kind.",
  actions: [defineAction({ key: "noop", name: "No-op", description: "Does nothing.", input: z.object({}), output: z.object({}), run: () => ({}) })],
  connections: [
    defineConnection({ kind: "api_key", key: "key", name: "Kinds API key" }),
    defineConnection({ kind: "basic", key: "login", name: "Kinds login" }),
    defineConnection({ kind: "custom", key: "fields", name: "Kinds fields", fields: z.record(z.string(), z.string()) }),
    defineConnection({ kind: "oauth2", key: "oauth", name: "Kinds OAuth", authorizeUrl: "https://auth.kinds.test/auth", tokenUrl: "https://auth.kinds.test/token" }),
  ],
});

export async function installKinds(db: Database, workspaceId: string, slug = "kinds") {
  const manifest = { ...manifestOf(kinds), id: slug };
  const stored = await storeVersion(db, { slug, name: manifest.name, official: false, manifest, bundle: "/* never run */", status: "approved" });
  await db.insert(installations).values({ workspaceId, integrationId: stored.integrationId, versionId: stored.versionId }).onConflictDoNothing();
  return stored;
}
