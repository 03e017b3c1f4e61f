import { afterAll, describe, expect, it } from "vitest";
import { buildForSandbox, sandboxRunner } from "../../testing/sandbox";

// The real bundle in the real sandbox: no structuredClone or URL there, Intl comes from V8's ICU.
const built = await buildForSandbox(new URL("..", import.meta.url).pathname);
const { host, run } = sandboxRunner(built);
afterAll(() => host.close());

describe("transform in the sandbox", () => {
  it("runs every action", async () => {
    const items = [{ n: 1, who: { name: "a" } }, { n: 5, who: { name: "b" } }];
    const out = await Promise.all([
      run("pick_fields", { data: items, fields: ["who.name"] }),
      run("rename_fields", { data: items[0], renames: [{ from: "n", to: "count" }] }),
      run("filter_items", { items, conditions: [{ field: "n", operator: "greater_than", value: 2 }] }),
      run("map_items", { items, fields: [{ to: "name", from: "who.name" }] }),
      run("format_date", { value: "2024-03-05T23:30:00Z", format: "YYYY-MM-DD HH:mm", timeZone: "America/New_York" }),
      run("format_number", { value: 1234.5, style: "currency", currency: "USD" }),
    ]);
    expect(out.map((r) => r.output)).toEqual([
      { result: [{ who: { name: "a" } }, { who: { name: "b" } }] },
      { result: { count: 1, who: { name: "a" } } },
      { items: [{ n: 5, who: { name: "b" } }], count: 1 },
      { items: [{ name: "a" }, { name: "b" }] },
      { formatted: "2024-03-05 18:30" },
      { formatted: "$1,234.50" },
    ]);
  });

  it("reports invalid input naming the field", async () => {
    await expect(run("pick_fields", { data: 3, fields: [] })).rejects.toMatchObject({ guestName: "InputValidationError", message: expect.stringMatching(/^Invalid input for pick_fields: field "data": .*; field "fields": /) });
  });
});
