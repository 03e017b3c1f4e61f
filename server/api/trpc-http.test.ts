import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { contextForUser } from "./context";
import { appRouter } from "./root";

// Drives the real fetch adapter with real Requests: the same path the browser takes, minus the cookie.
async function post(path: string, input: unknown) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, { method: "POST", body: JSON.stringify({ json: input }), headers: { "content-type": "application/json" } }),
    router: appRouter,
    createContext: () => contextForUser(null, "req-test-1234"),
  });
  return { status: res.status, body: (await res.json()) as { error?: { json: { message: string; data: Record<string, unknown> } } } };
}

describe("tRPC over HTTP", () => {
  it("returns zod problems per field, with no stack trace", async () => {
    const { status, body } = await post("auth.signUp", { name: "", email: "nope", password: "123" });
    expect(status).toBe(400);
    const data = body.error!.json.data;
    expect(body.error!.json.message).toBe("Check the highlighted fields.");
    expect(Object.keys(data.fieldErrors as object).sort()).toEqual(["email", "name", "password"]);
    expect(data).not.toHaveProperty("stack");
    expect(data.requestId).toBe("req-test-1234");
  });

  it("returns a service's field error on that field", async () => {
    const input = { name: "Twice", email: `twice-${Date.now()}@example.com`, password: "twice is nice indeed" };
    expect((await post("auth.signUp", input)).status).toBe(200);
    const { status, body } = await post("auth.signUp", input);
    expect(status).toBe(409);
    expect(body.error!.json.data.fieldErrors).toEqual({ email: ["An account with this email already exists. Sign in instead."] });
  });

  it("answers 401 to a signed-out caller of a protected procedure", async () => {
    const { status, body } = await post("workspace.create", { name: "x" });
    expect(status).toBe(401);
    expect(body.error!.json.message).toBe("Sign in to continue.");
  });
});
