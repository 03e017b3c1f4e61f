import { InputValidationError, ConnectionError } from "@junction/sdk";
import { loadFixtures, runAction } from "@junction/sdk/testing";
import { describe, expect, it } from "vitest";
import { HttpStatusError } from "../src/actions/send-request";
import integration from "../src/index";

const fixtures = loadFixtures(new URL("./fixtures/send-request.json", import.meta.url));
const send = (input: unknown, connection?: Record<string, unknown>) => runAction(integration, "send_request", { input, connection, fixtures });

describe("send_request (recorded fixtures)", () => {
  it("sends JSON with query, headers and bearer auth from the connection, and parses a JSON reply", async () => {
    const { output } = await send(
      { method: "POST", url: "https://api.acme.test/v1/items", query: { dry_run: true, tag: ["a", "b"] }, headers: { "X-Trace": "t1" }, body: { type: "json", data: { name: "Widget", price: 9.5 } } },
      { type: "bearer", token: "tok_123" },
    );
    expect(output).toEqual({ status: 201, headers: { "content-type": "application/json", "x-request-id": "req_1" }, body: { id: "item_1", name: "Widget" } });
  });

  it("sends a form body with Basic auth (UTF-8 password) and keeps a text reply as text", async () => {
    const { output } = await send({ method: "POST", url: "https://api.acme.test/v1/login", body: { type: "form", data: { user: "ada", note: "hello world" } } }, { type: "basic", username: "ada", password: "pässwörd" });
    expect(output).toMatchObject({ status: 200, body: "welcome" });
  });

  it("fails on an HTTP error status, or returns it when asked not to", async () => {
    const connection = { type: "api_key", headerName: "X-API-Key", apiKey: "key_9" };
    const error = await send({ url: "https://api.acme.test/v1/missing" }, connection).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as Error).message).toBe('HTTP 404 Not Found from GET https://api.acme.test/v1/missing: {"error":"no such item"}');
    const { output } = await send({ url: "https://api.acme.test/v1/missing", failOnHttpError: false }, connection);
    expect(output).toMatchObject({ status: 404, body: { error: "no such item" } });
  });

  it("refuses a bad URL and an incomplete connection before any request", async () => {
    await expect(send({ url: "ftp://x" })).rejects.toThrow(InputValidationError);
    await expect(send({ url: "ftp://x" })).rejects.toThrow('field "url": must be an http:// or https:// URL');
    await expect(send({ url: "https://api.acme.test/" }, { type: "bearer" })).rejects.toThrow(ConnectionError);
  });
});
