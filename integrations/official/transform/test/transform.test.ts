import { runAction } from "@junction/sdk/testing";
import { describe, expect, it } from "vitest";
import integration from "../src/index";

const run = async (key: string, input: unknown) => (await runAction(integration, key, { input })).output;
const people = [
  { id: 1, name: "Ada", age: 36, address: { city: "London" }, tags: ["math"] },
  { id: 2, name: "Grace", age: 85, address: { city: "Arlington" }, tags: ["navy", "cobol"] },
  { id: 3, name: "Alan", age: 41, tags: [] },
];

describe("transform actions", () => {
  it("pick_fields keeps dot paths, on one object or each of a list", async () => {
    expect(await run("pick_fields", { data: people[0], fields: ["name", "address.city", "missing"] })).toEqual({ result: { name: "Ada", address: { city: "London" } } });
    expect(await run("pick_fields", { data: people, fields: ["id"] })).toEqual({ result: [{ id: 1 }, { id: 2 }, { id: 3 }] });
  });

  it("rename_fields moves fields and keeps the rest; refuses prototype paths", async () => {
    expect(await run("rename_fields", { data: { a: 1, b: { c: 2 } }, renames: [{ from: "b.c", to: "d" }] })).toEqual({ result: { a: 1, b: {}, d: 2 } });
    await expect(run("rename_fields", { data: { a: 1 }, renames: [{ from: "a", to: "__proto__.x" }] })).rejects.toThrow('"__proto__.x" is not an allowed field path');
  });

  it("filter_items matches all or any conditions", async () => {
    expect(await run("filter_items", { items: people, conditions: [{ field: "age", operator: "greater_than", value: 40 }, { field: "address.city", operator: "exists" }] })).toMatchObject({ count: 1, items: [{ name: "Grace" }] });
    expect(await run("filter_items", { items: people, match: "any", conditions: [{ field: "tags", operator: "contains", value: "math" }, { field: "name", operator: "starts_with", value: "Al" }] })).toMatchObject({ count: 2 });
  });

  it("map_items builds new objects from paths and constants", async () => {
    const output = await run("map_items", { items: people.slice(0, 2), fields: [{ to: "who", from: "name" }, { to: "where.city", from: "address.city" }, { to: "source", value: "crm" }] });
    expect(output).toEqual({ items: [{ who: "Ada", where: { city: "London" }, source: "crm" }, { who: "Grace", where: { city: "Arlington" }, source: "crm" }] });
    await expect(run("map_items", { items: [], fields: [{ to: "x" }] })).rejects.toThrow("give either from (a path) or value (a constant)");
  });

  it("format_date formats tokens in a time zone and names bad input", async () => {
    expect(await run("format_date", { value: "2024-03-05T23:30:00Z" })).toEqual({ formatted: "2024-03-05 23:30:00" });
    expect(await run("format_date", { value: "2024-03-05T23:30:00Z", format: "DD.MM.YYYY HH:mm", timeZone: "Europe/Berlin" })).toEqual({ formatted: "06.03.2024 00:30" });
    expect(await run("format_date", { value: 0, format: "X" })).toEqual({ formatted: "0" });
    await expect(run("format_date", { value: "yesterday" })).rejects.toMatchObject({ name: "InvalidDateError" });
    await expect(run("format_date", { value: 0, timeZone: "Mars/Base" })).rejects.toThrow('"Mars/Base" is not a time zone');
  });

  it("format_number formats decimals, percent and currency in a locale", async () => {
    expect(await run("format_number", { value: 1234567.891, maximumFractionDigits: 2 })).toEqual({ formatted: "1,234,567.89" });
    expect(await run("format_number", { value: "0.256", style: "percent", locale: "de-DE" })).toEqual({ formatted: "26\u00a0%" });
    expect(await run("format_number", { value: 9.5, style: "currency", currency: "EUR", locale: "en-IE" })).toEqual({ formatted: "€9.50" });
    await expect(run("format_number", { value: "abc" })).rejects.toMatchObject({ name: "InvalidNumberError" });
  });
});
