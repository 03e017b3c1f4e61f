import { describe, expect, it } from "vitest";
import { withAccessLog } from "./access-log";

const echo = withAccessLog("test", async (_req, _ctx: unknown, requestId) => new Response(requestId, { status: 201 }));

describe("withAccessLog", () => {
  it("keeps a sane caller-given request id and echoes it", async () => {
    const res = await echo(new Request("http://x/api/t", { headers: { "x-request-id": "proxy-abc-123" } }), {});
    expect(res.status).toBe(201);
    expect(await res.text()).toBe("proxy-abc-123");
    expect(res.headers.get("x-request-id")).toBe("proxy-abc-123");
  });

  it("replaces a malformed one with a fresh UUID", async () => {
    const res = await echo(new Request("http://x/api/t", { headers: { "x-request-id": 'bad id; drop' } }), {});
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
