import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { integrationStore } from "../../db/schema";
import { checkJsonValue, jsonLimits } from "../../db/json";
import { SandboxCapabilityError, type Capabilities } from "../../integrations/runtime";
import type { Manifest } from "@junction/sdk";
import { getOrCreateSecret, signingKey, type Installation } from "../../server/integrations/secret-seal";
import { StepLogCollector } from "./step-logs";

/**
 * The host side of one step's ctx: store (integration_store, per workspace × integration), log (collected for
 * the step record, up to the step's log cap), secrets and crypto (sealed in integration_secrets). store, secrets
 * and crypto are given only when the manifest declares the capability, so an integration's review shows
 * everything it can touch.
 */
export function stepCapabilities(
  db: Database,
  inst: Installation,
  manifest: Manifest,
  /** The attempt's log so far (the run again after an OAuth refresh adds to the first run's, under one cap). */
  logs = new StepLogCollector(),
): { capabilities: Capabilities; logs: StepLogCollector } {
  const declared = new Set(manifest.permissions.capabilities);
  const capabilities: Capabilities = {
    log: (level, message, data) => logs.add(level, message, data),
  };
  if (declared.has("store")) capabilities.store = installationStore(db, inst);
  if (declared.has("secrets")) capabilities.secrets = { getOrCreate: (name) => getOrCreateSecret(db, inst, name) };
  if (declared.has("crypto.sign")) {
    capabilities.crypto = {
      sign: async (keyName, bytes) => (await signingKey(db, inst, keyName)).sign(bytes),
      publicKey: async (keyName) => (await signingKey(db, inst, keyName)).publicKey,
    };
  }
  return { capabilities, logs };
}

export function installationStore(db: Database, inst: Installation): NonNullable<Capabilities["store"]> {
  const at = (key: string) => and(eq(integrationStore.workspaceId, inst.workspaceId), eq(integrationStore.integrationId, inst.integrationId), eq(integrationStore.key, key));
  return {
    async get(key) {
      const row = await db.query.integrationStore.findFirst({ where: at(key) });
      return row?.value ?? null;
    },
    async set(key, value) {
      // The sandbox checks first; this keeps a value too deep to serialize out of the table whoever calls.
      const tooDeep = checkJsonValue(value, { maxDepth: jsonLimits().maxDepth, maxBytes: Number.MAX_SAFE_INTEGER }, "The ctx.store value");
      if (tooDeep) throw new SandboxCapabilityError(tooDeep.message);
      // JSON null reads back as "no value" anyway; the column holds only real values.
      if (value === null) return void (await db.delete(integrationStore).where(at(key)));
      await db
        .insert(integrationStore)
        .values({ ...inst, key, value })
        .onConflictDoUpdate({ target: [integrationStore.workspaceId, integrationStore.integrationId, integrationStore.key], set: { value, updatedAt: sql`now()` } });
    },
    async delete(key) {
      await db.delete(integrationStore).where(at(key));
    },
  };
}
