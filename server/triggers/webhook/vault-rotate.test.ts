import { randomBytes } from "node:crypto";
import { sign as githubSign } from "@octokit/webhooks-methods";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { webhookEndpoints } from "../../../db/schema";
import { startTestWorker } from "../../../workflows/testing/harness";
import { parseKeyring } from "../../connections/keyring";
import { newUser } from "../../testing/users";
import { forgetAllEndpoints } from "./endpoint";
import { handleWebhook } from "./ingest";
import { rotateWebhookSecrets } from "./secrets";
import { activeHook, hookRequest } from "./testing";

let worker: Awaited<ReturnType<typeof startTestWorker>>;
beforeAll(async () => {
  worker = await startTestWorker();
}, 120_000);
afterAll(() => worker?.stop());

describe("vault key rotation", () => {
  it("re-seals webhook secrets under the new key, and signatures keep verifying", async () => {
    const user = await newUser("Rotator");
    const hook = await activeHook(user, { verification: { preset: "github" } }, { secret: "rotate-me-please" });
    const before = await getDb().query.webhookEndpoints.findFirst({ where: eq(webhookEndpoints.hookId, hook.hookId) });
    const oldVersion = before!.secretsKeyVersion!;
    // The new key goes first; the old one stays listed (readable) as in a real rotation.
    process.env.JUNCTION_VAULT_KEYS = `${oldVersion + 1}:${randomBytes(32).toString("base64")},${process.env.JUNCTION_VAULT_KEYS}`;
    expect(await rotateWebhookSecrets(getDb(), parseKeyring(process.env.JUNCTION_VAULT_KEYS))).toBeGreaterThanOrEqual(1);
    const after = await getDb().query.webhookEndpoints.findFirst({ where: eq(webhookEndpoints.hookId, hook.hookId) });
    expect(after!.secretsKeyVersion).toBe(oldVersion + 1);
    expect(after!.secretsCiphertext!.equals(before!.secretsCiphertext!)).toBe(false);
    forgetAllEndpoints();
    const body = '{"after":"rotation"}';
    const res = await handleWebhook(hookRequest(hook.hookId, { body, headers: { "x-hub-signature-256": await githubSign("rotate-me-please", body) } }), hook.hookId, { db: getDb() });
    expect(res.status).toBe(202);
  });
});
