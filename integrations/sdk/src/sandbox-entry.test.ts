import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction, defineConnection, defineIntegration, defineTrigger, entryOf, InputValidationError, OutputValidationError, toSandboxEntry, type SandboxContext } from "./index";
import { createTestContext } from "./testing";

const add = defineAction({
  key: "add",
  name: "Add",
  description: "Adds",
  input: z.object({ a: z.number(), b: z.number().default(1), nested: z.object({ c: z.string() }).optional() }),
  output: z.object({ sum: z.number() }),
  options: { a: { search: true, load: ({ search, input }) => [{ label: `${search}:${String(input.b)}`, value: 1 }] } },
  run: ({ input }) => ({ sum: input.a + input.b }),
});
const liar = defineAction({ key: "liar", name: "Liar", description: "Breaks its contract", input: z.object({}), output: z.object({ sum: z.number() }), run: () => ({ sum: "two" as unknown as number }) });
const conn = defineConnection({ kind: "basic", key: "login", name: "Login", test: ({ connection }) => {
  if (connection.password !== "right") throw new Error("wrong password");
} });
const poll = defineTrigger({
  kind: "polling", key: "new_row", name: "New row", description: "d", input: z.object({ table: z.string() }), output: z.object({ id: z.number() }),
  poll: async ({ cursor, input }) => ({ items: [{ id: Number(cursor ?? 0) + 1 }, { id: input.table.length }], cursor: 5 }),
  dedupeKey: (row) => `row-${row.id}`,
});
const hook = defineTrigger({
  kind: "webhook", key: "event", name: "Event", description: "d", input: z.object({}), output: z.object({ kind: z.string() }),
  parse: ({ request }) => (JSON.parse(request.body) as { events: { kind: string }[] }).events,
  subscribe: async ({ webhookUrl, store }) => {
    await store.set("hook", webhookUrl);
    return { remoteId: "hook_1" };
  },
  unsubscribe: async ({ state, store }) => store.set("removed", state),
});
const registry = toSandboxEntry(defineIntegration({ id: "kit", name: "Kit", version: "1.0.0", author: "a", description: "d", actions: [add, liar], connections: [conn], triggers: [poll, hook] }));
const call = (key: string, input: unknown, extra: Partial<SandboxContext> = {}) => entryOf(registry, key).run({ ...createTestContext({ input }).ctx, ...extra });

describe("toSandboxEntry", () => {
  it("registers every entry the platform can call", () => {
    expect(Object.keys(registry.actions).sort()).toEqual(["add", "add:options:a", "connection:login:test", "liar", "trigger:event:parse", "trigger:event:subscribe", "trigger:event:unsubscribe", "trigger:new_row:poll"]);
  });

  it("validates input with the action's schema (defaults applied) before run", async () => {
    expect(await call("add", { a: 2 })).toEqual({ sum: 3 });
    const error = await call("add", { a: "2", nested: { c: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputValidationError);
    expect((error as Error).message).toMatch(/^Invalid input for add: field "a": Invalid input: expected number, received string; field "nested.c": /);
  });

  it("checks the output against the output schema, naming the field", async () => {
    await expect(call("liar", {})).rejects.toThrow(OutputValidationError);
    await expect(call("liar", {})).rejects.toThrow(/Output of liar does not match its output schema: field "sum"/);
  });

  it("loads dynamic options with the fields so far and the search text", async () => {
    expect(await call("add:options:a", { input: { b: 7 }, search: "gen" })).toEqual([{ label: "gen:7", value: 1 }]);
  });

  it("tests a connection's credentials", async () => {
    expect(await call("connection:login:test", undefined, { connection: { username: "u", password: "right" } })).toEqual({ ok: true });
    await expect(call("connection:login:test", undefined, { connection: { username: "u", password: "no" } })).rejects.toThrow("wrong password");
  });

  it("polls with a cursor and names each item by its dedupe key", async () => {
    expect(await call("trigger:new_row:poll", { input: { table: "abc" }, cursor: 1 })).toEqual({ cursor: 5, items: [{ dedupeKey: "row-2", data: { id: 2 } }, { dedupeKey: "row-3", data: { id: 3 } }] });
    await expect(call("trigger:new_row:poll", { input: {} })).rejects.toThrow(/Invalid input for trigger:new_row: field "table"/);
  });

  it("parses a webhook delivery into items", async () => {
    const request = { method: "POST", headers: {}, query: {}, body: JSON.stringify({ events: [{ kind: "a" }, { kind: "b" }] }) };
    expect(await call("trigger:event:parse", { request })).toEqual([{ kind: "a" }, { kind: "b" }]);
  });

  it("subscribes a webhook (returning state to keep) and unsubscribes with that state", async () => {
    const { ctx, store } = createTestContext({ input: { webhookUrl: "https://junction.test/api/hooks/h1" } });
    expect(await entryOf(registry, "trigger:event:subscribe").run(ctx)).toEqual({ remoteId: "hook_1" });
    await entryOf(registry, "trigger:event:unsubscribe").run({ ...ctx, input: { webhookUrl: "x", state: { remoteId: "hook_1" } } });
    expect(Object.fromEntries(store)).toEqual({ hook: "https://junction.test/api/hooks/h1", removed: { remoteId: "hook_1" } });
  });
});
