import { describe, expect, it } from "vitest";
import { buildPayload, parsePath, type PayloadForm } from "./payload-form";

const form = (body: PayloadForm["body"], extra: Partial<PayloadForm> = {}): PayloadForm => ({ method: "POST", headers: [], query: [], body, ...extra });

describe("fixture form payload", () => {
  it("builds nested objects and lists from field paths with typed values, without typing JSON", () => {
    const r = buildPayload(
      form(
        [
          { path: "user.email", type: "text", value: "ada@example.com" },
          { path: "user.age", type: "number", value: "36" },
          { path: "user.admin", type: "boolean", value: "true" },
          { path: "items[0].sku", type: "text", value: "A-1" },
          { path: "items[1].sku", type: "text", value: "B-2" },
          { path: "note", type: "null", value: "" },
          { path: "", type: "text", value: "" },
        ],
        { headers: [{ key: "X-Source", value: "form" }], query: [{ key: "page", value: "2" }] },
      ),
    );
    expect(r).toEqual({
      ok: true,
      payload: {
        method: "POST",
        headers: { "X-Source": "form" },
        query: { page: "2" },
        body: { user: { email: "ada@example.com", age: 36, admin: true }, items: [{ sku: "A-1" }, { sku: "B-2" }], note: null },
      },
    });
  });

  it("names each bad row: a path that is not one, a number that is not, a field set twice or both a value and an object, a bad header", () => {
    const r = buildPayload(
      form(
        [
          { path: "user..email", type: "text", value: "x" },
          { path: "age", type: "number", value: "old" },
          { path: "a", type: "text", value: "1" },
          { path: "a.b", type: "text", value: "2" },
          { path: "a", type: "text", value: "3" },
        ],
        { headers: [{ key: "Bad Header", value: "v" }] },
      ),
    );
    expect(r).toEqual({
      ok: false,
      errors: {
        "body.0": '"user..email" is not a field path (like user.email or items[0].id)',
        "body.1": '"old" is not a number',
        "body.3": '"a" is already a value, not an object',
        "body.4": "Another row sets this field already",
        "headers.0": '"Bad Header" is not a valid HTTP header name',
      },
    });
  });

  it("reads paths with list indices", () => {
    expect(parsePath("orders[2].lines[0].qty")).toEqual(["orders", 2, "lines", 0, "qty"]);
    expect(parsePath("a b")).toBeNull();
  });
});
