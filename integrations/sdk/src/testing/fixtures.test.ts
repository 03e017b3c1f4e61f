import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction, defineIntegration } from "../index";
import { runAction, UnmatchedRequestError, type HttpFixture } from "./index";

const getUser = defineAction({
  key: "get_user",
  name: "Get user",
  description: "d",
  input: z.object({ id: z.number() }),
  output: z.object({ name: z.string() }),
  async run({ input, http, log }) {
    const r = await http.fetch(`https://api.acme.test/users/${input.id}`, { method: "POST", headers: { "X-Key": "k" }, body: JSON.stringify({ b: 2, a: 1 }) });
    log.info("fetched", { status: r.status });
    return { name: ((await r.json()) as { name: string }).name };
  },
});
const kit = defineIntegration({ id: "acme", name: "Acme", version: "1.0.0", author: "a", description: "d", actions: [getUser] });
const fixture: HttpFixture = { request: { method: "POST", url: "https://api.acme.test/users/1", headers: { "x-key": "k" }, body: { a: 1, b: 2 } }, response: { body: { name: "Ada" } } };

describe("runAction with recorded fixtures", () => {
  it("answers a matching request (headers case-insensitive, JSON bodies by value) and records it", async () => {
    const { output, requests, logs, unusedFixtures } = await runAction(kit, "get_user", { input: { id: 1 }, fixtures: [fixture] });
    expect(output).toEqual({ name: "Ada" });
    expect(requests).toEqual([{ method: "POST", url: "https://api.acme.test/users/1", headers: { "x-key": "k" }, body: '{"b":2,"a":1}' }]);
    expect(logs).toEqual([{ level: "info", message: "fetched", data: { status: 200 } }]);
    expect(unusedFixtures()).toEqual([]);
  });

  it("fails an unmatched request with a message showing the request and the fixtures", async () => {
    const error = await runAction(kit, "get_user", { input: { id: 2 }, fixtures: [fixture] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnmatchedRequestError);
    expect((error as Error).message).toBe(
      'No fixture matches POST https://api.acme.test/users/2\n  headers: {"x-key":"k"}\n  body: {"b":2,"a":1}\nFixtures:\n  POST https://api.acme.test/users/1',
    );
  });

  it("uses a fixture once unless it repeats", async () => {
    const http = await import("./fixtures").then((m) => m.fixtureHttp([fixture]));
    const init = { method: "POST", headers: { "x-key": "k" }, body: '{"a":1,"b":2}' };
    await http.http.fetch(fixture.request.url, init);
    await expect(http.http.fetch(fixture.request.url, init)).rejects.toThrow(UnmatchedRequestError);
  });
});
