import { afterAll, describe, expect, it } from "vitest";
import { SandboxGuestError } from "../../../runtime";
import { startServer } from "../../../runtime/testing/loopback-server";
import { buildForSandbox, sandboxRunner } from "../../testing/sandbox";

// The real bundle, built by the CLI, in the real sandbox host, against a loopback server that echoes requests.
const server = await startServer((req, res, body) => {
  if (req.url?.startsWith("/text")) return void res.end("plain words");
  if (req.url?.startsWith("/me")) {
    res.statusCode = req.headers.authorization === "Bearer good" ? 200 : 401;
    return void res.end(res.statusCode === 200 ? "{}" : "Bad credentials");
  }
  res.setHeader("content-type", "application/json");
  res.statusCode = req.url?.startsWith("/teapot") ? 418 : 200;
  res.end(JSON.stringify({ method: req.method, url: req.url, authorization: req.headers.authorization ?? null, contentType: req.headers["content-type"] ?? null, body }));
});
const built = await buildForSandbox(new URL("..", import.meta.url).pathname);
const { host, run } = sandboxRunner(built);
afterAll(async () => {
  await host.close();
  await server.close();
});

describe("http-request in the sandbox", () => {
  it("sends a JSON body with query and Basic auth, and parses the JSON reply", async () => {
    const { output, usage } = await run(
      "send_request",
      { method: "PUT", url: server.url("/things/1"), query: { q: "a b" }, body: { type: "json", data: { ok: true } } },
      { connection: { type: "basic", username: "ada", password: "pw" } },
    );
    expect(output).toMatchObject({
      status: 200,
      body: { method: "PUT", url: "/things/1?q=a%20b", authorization: `Basic ${Buffer.from("ada:pw").toString("base64")}`, contentType: "application/json", body: '{"ok":true}' },
    });
    expect(usage.fetchCount).toBe(1);
  });

  it("returns a text reply as text", async () => {
    const { output } = await run("send_request", { url: server.url("/text") });
    expect(output).toMatchObject({ status: 200, body: "plain words" });
  });

  it("fails the step on an error status and on invalid input, naming the cause", async () => {
    const status = await run("send_request", { url: server.url("/teapot") }).catch((e: unknown) => e);
    expect(status).toBeInstanceOf(SandboxGuestError);
    expect(status).toMatchObject({ guestName: "HttpStatusError", message: expect.stringMatching(/^HTTP 418 .* from GET http:\/\/127\.0\.0\.1:\d+\/teapot/) });
    const input = await run("send_request", { url: 42 }).catch((e: unknown) => e);
    expect(input).toMatchObject({ guestName: "InputValidationError", message: expect.stringMatching(/^Invalid input for send_request: field "url"/) });
  });

  it("tests a connection by GETting its check URL with its credentials; without one there is nothing to call", async () => {
    const ok = await run("connection:http_auth:test", {}, { connection: { type: "bearer", token: "good", checkUrl: server.url("/me") } });
    expect(ok.usage.fetchCount).toBe(1);
    const refused = await run("connection:http_auth:test", {}, { connection: { type: "bearer", token: "bad", checkUrl: server.url("/me") } }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ guestName: "AuthenticationError", message: expect.stringMatching(/^The server refused these credentials \(GET http:\/\/127\.0\.0\.1:\d+\/me answered 401 Unauthorized: Bad credentials\)\.$/) });
    const nothing = await run("connection:http_auth:test", {}, { connection: { type: "bearer", token: "bad" } });
    expect(nothing.usage.fetchCount).toBe(0);
  });
});
