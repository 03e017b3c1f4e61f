/**
 * `npm run vault:rotate`: re-encrypts every connection under the current vault key (the first entry of
 * JUNCTION_VAULT_KEYS), in batches, while the platform keeps running. Live reads still work throughout
 * (older keys stay listed); live writes are never lost (rows are locked, see server/connections/rotate.ts).
 * Uses DATABASE_URL, else the running `npm start`'s embedded PostgreSQL.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expected, runMain } from "./lib/fail";
import { isPortFree, portFromEnv } from "./lib/ports";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const data = process.env.JUNCTION_DATA_DIR ? path.resolve(process.env.JUNCTION_DATA_DIR) : path.join(root, ".data");

async function databaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const port = portFromEnv("JUNCTION_PG_PORT", 54329);
  const passwordFile = path.join(data, "postgres-password");
  if (!existsSync(passwordFile) || (await isPortFree(port))) {
    throw expected("No running Junction database found. Start it with `npm start` (rotation runs alongside it), or set DATABASE_URL.");
  }
  return `postgres://postgres:${encodeURIComponent(readFileSync(passwordFile, "utf8").trim())}@127.0.0.1:${port}/junction`;
}

/** The same keyring `npm start` hands the platform: JUNCTION_VAULT_KEYS, else the key it generated. */
function keyringSource(): string {
  if (process.env.JUNCTION_VAULT_KEYS) return process.env.JUNCTION_VAULT_KEYS;
  const file = path.join(data, "vault-key");
  if (!existsSync(file)) throw expected("JUNCTION_VAULT_KEYS is not set and .data/vault-key does not exist: there is nothing to rotate to.");
  return `1:${readFileSync(file, "utf8").trim()}`;
}

async function main(): Promise<number> {
  process.chdir(root);
  if (existsSync(".env")) process.loadEnvFile(".env");
  const batchSize = Number(process.env.VAULT_ROTATE_BATCH ?? 100);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw expected("VAULT_ROTATE_BATCH must be a positive integer.");
  const { parseKeyring, KeyringError } = await import("../server/connections/keyring");
  let keyring;
  try {
    keyring = parseKeyring(keyringSource());
  } catch (e) {
    throw e instanceof KeyringError ? expected(`JUNCTION_VAULT_KEYS ${e.message}`) : e;
  }
  process.env.DATABASE_URL = await databaseUrl();
  const { getDb, closeDb } = await import("../db/client");
  const { rotateAll } = await import("../server/connections/rotate");
  try {
    console.log(`Re-encrypting connections under key version ${keyring.current.version}…`);
    const total = await rotateAll(getDb(), keyring, {
      batchSize,
      onBatch: (p) => console.log(`  ${p.rotated} re-encrypted, ${p.remaining} to go`),
    });
    console.log(`✓ ${total} connection(s) re-encrypted; every connection now uses key version ${keyring.current.version}.`);
    const { rotateAllSecrets } = await import("../server/integrations/secret-seal");
    const secrets = await rotateAllSecrets(getDb(), keyring, batchSize);
    console.log(`✓ ${secrets} integration secret(s) and signing key(s) re-encrypted.`);
    const { rotateWebhookSecrets } = await import("../server/triggers/webhook/secrets");
    console.log(`✓ ${await rotateWebhookSecrets(getDb(), keyring, batchSize)} webhook secret set(s) re-encrypted.`);
    const { rotateAppWebhookSecrets } = await import("../server/triggers/app-webhook/secret");
    console.log(`✓ ${await rotateAppWebhookSecrets(getDb(), keyring, batchSize)} app webhook secret(s) re-encrypted.`);
    console.log("  Older keys can be removed from JUNCTION_VAULT_KEYS once every process runs with this keyring.");
  } finally {
    await closeDb();
  }
  return 0;
}

runMain(main);
