import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, getDb } from "../../db/client";
import { connections } from "../../db/schema";
import { newUser } from "../testing/users";
import { installKinds } from "./testing/kinds-integration";
import { parseKeyring } from "./keyring";
import { rotateAll } from "./rotate";
import { updateConnection } from "./service";
import { openCredentials } from "./vault";

const k1 = randomBytes(32).toString("base64");
const k2 = randomBytes(32).toString("base64");
const original = process.env.JUNCTION_VAULT_KEYS;
let owner: Awaited<ReturnType<typeof newUser>>;
let ids: string[] = [];
const tokenById = new Map<string, string>();

const versions = async () => (await getDb().select({ id: connections.id, v: connections.keyVersion }).from(connections)).map((r) => r.v);

beforeAll(async () => {
  process.env.JUNCTION_VAULT_KEYS = `1:${k1}`;
  owner = await newUser();
  const ws = owner.personalWorkspaceId;
  await installKinds(getDb(), ws);
  for (let i = 0; i < 7; i++) {
    const c = await owner.caller.connection.create({ workspaceId: ws, name: `c${i}`, integrationSlug: "kinds", kind: "custom", fields: { token: `v1-${i}` } });
    ids.push(c.id);
    tokenById.set(c.id, `v1-${i}`);
  }
  ids = ids.sort(); // rotation walks rows in id order
});

afterAll(() => {
  process.env.JUNCTION_VAULT_KEYS = original;
});

describe("vault rotation", () => {
  it("re-encrypts every row in batches while a live update holds one row and others change between batches", async () => {
    expect(await versions()).toEqual(Array(7).fill(1));
    // The platform now runs with the new key first and the old one still readable.
    process.env.JUNCTION_VAULT_KEYS = `2:${k2},1:${k1}`;
    const ring = parseKeyring(process.env.JUNCTION_VAULT_KEYS);
    const ws = owner.personalWorkspaceId;

    // A second pool plays the live web process: it locks the first row as an update in flight would.
    const live = createDatabase(process.env.DATABASE_URL!, 2);
    const holder = await live.pool.connect();
    await holder.query("BEGIN");
    await holder.query("SELECT 1 FROM connections WHERE id = $1 FOR UPDATE", [ids[0]]);

    let batches = 0;
    const rotation = rotateAll(getDb(), ring, {
      batchSize: 2,
      onBatch: async ({ remaining }) => {
        batches++;
        if (batches === 1) {
          // Between batches: a user updates a row rotation has not reached yet (live write, current key).
          await updateConnection(getDb(), owner.id, ws, { connectionId: ids[6]!, set: { token: "updated-during-rotation" } });
        }
        if (remaining === 1) {
          // Only the locked row is left: rotation has been skipping it, not waiting on it. Let the live write land.
          await holder.query("UPDATE connections SET name = 'renamed while locked' WHERE id = $1", [ids[0]]);
          await holder.query("COMMIT");
        }
      },
    });
    // Reads keep working mid-rotation: old-key and new-key rows both open.
    const reads = await Promise.all(ids.map((id) => openCredentials(getDb(), { workspaceId: ws, connectionId: id })));
    expect(reads.map((r) => r.credentials.token).filter((t) => t?.startsWith("v1-")).length).toBeGreaterThanOrEqual(6);

    expect(await rotation).toBeGreaterThanOrEqual(5);
    holder.release();
    await live.pool.end();
    expect(batches).toBeGreaterThanOrEqual(3);
    expect(await versions()).toEqual(Array(7).fill(2));

    // Nothing lost: the concurrent update and the locked row's rename both survived, and every row opens.
    const after = await Promise.all(ids.map((id) => openCredentials(getDb(), { workspaceId: ws, connectionId: id })));
    expect(after.map((r) => r.credentials.token)).toEqual(ids.map((id, i) => (i === 6 ? "updated-during-rotation" : tokenById.get(id))));
    const [locked] = await getDb().select().from(connections).where(eq(connections.id, ids[0]!));
    expect(locked!.name).toBe("renamed while locked");

    // With the old key gone, everything still opens.
    process.env.JUNCTION_VAULT_KEYS = `2:${k2}`;
    await expect(openCredentials(getDb(), { workspaceId: ws, connectionId: ids[3]! })).resolves.toBeTruthy();
  });
});
