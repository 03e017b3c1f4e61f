import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../db/client";
import { appWebhookSubscriptions } from "../../../db/schema";
import { g, publishGraph } from "../../../workflows/testing/harness";
import { parseKeyring } from "../../connections/keyring";
import { newUser } from "../../testing/users";
import { openWebhookSecret, rotateAppWebhookSecrets, sealWebhookSecret } from "./secret";

describe("app webhook secrets", () => {
  it("are re-sealed under the new vault key by rotation and still open to the same secret", async () => {
    const user = await newUser("Rory Rotator");
    const { workspaceId, workflowId, versionId } = await publishGraph(user, { schemaVersion: 1, nodes: [g.trigger()], edges: [] });
    const [k1, k2] = [randomBytes(32).toString("base64"), randomBytes(32).toString("base64")];
    const old = parseKeyring(`1:${k1}`);
    const id = randomUUID();
    const sealed = sealWebhookSecret(workspaceId, id, "the-secret", old);
    await getDb().insert(appWebhookSubscriptions).values({
      id, hookId: `hook-${id}`, workflowId, workspaceId, versionId, integration: "acme", integrationVersion: "1.0.0", triggerKey: "order_shipped",
      config: {}, sourceHash: "x", webhookUrl: "http://example.test/hook", secretCiphertext: sealed.ciphertext, secretKeyVersion: sealed.keyVersion, status: "active",
    });
    const next = parseKeyring(`2:${k2},1:${k1}`);
    expect(await rotateAppWebhookSecrets(getDb(), next, 1)).toBe(1);
    const row = (await getDb().query.appWebhookSubscriptions.findFirst({ where: eq(appWebhookSubscriptions.id, id) }))!;
    expect(row.secretKeyVersion).toBe(2);
    expect(openWebhookSecret(row, parseKeyring(`2:${k2}`))).toBe("the-secret"); // the old key is no longer needed
    expect(() => openWebhookSecret({ ...row, id: randomUUID() }, next)).toThrow(/failed authentication/); // bound to its row
    expect(await rotateAppWebhookSecrets(getDb(), next)).toBe(0);
  });
});
