import { describe, expect, it } from "vitest";
import { groupPalette, idFromName, paletteEntries, paletteIcon, schemaDefaults, searchPalette, type CatalogIntegration } from "./palette";

const catalog: CatalogIntegration[] = [
  { slug: "code", name: "Code", version: "1.0.0", description: "Run JavaScript.", actions: [{ key: "run_code", name: "Run code", description: "Runs your JavaScript in a sandbox.", input: {} }] },
  {
    slug: "acme",
    name: "Acme CRM",
    version: "2.0.0",
    description: "Acme.",
    icon: "🚀",
    actions: [{ key: "create_contact", name: "Create contact", description: "Adds a person to the CRM.", input: {} }],
    triggers: [{ key: "new_contact", name: "New contact", description: "When a contact is added.", kind: "webhook", input: {} }],
  },
];

describe("the palette's entries", () => {
  const entries = paletteEntries(catalog);

  it("lists built-in triggers and steps, then each integration's triggers and actions, grouped with their icon", () => {
    expect(groupPalette(entries).map((g) => [g.name, g.icon ?? null, g.entries.map((e) => e.name)])).toEqual([
      ["Triggers", null, ["Manual trigger", "Webhook", "Schedule"]],
      ["Built-in", null, ["If", "Switch", "Loop", "Merge", "Delay", "Stop", "Set data", "Webhook response", "Fail"]],
      ["Code", null, ["Run code"]],
      ["Acme CRM", "🚀", ["New contact", "Create contact"]],
    ]);
    expect(entries.find((e) => e.name === "New contact")).toMatchObject({ trigger: true, template: { kind: "trigger", trigger: "app_webhook", app: { integration: "acme", version: "2.0.0", key: "new_contact", config: {} } } });
  });

  it("searches name, integration and description; a name match ranks first", () => {
    expect(searchPalette(entries, "contact").map((e) => e.name)).toEqual(["New contact", "Create contact"]);
    expect(searchPalette(entries, "acme").map((e) => e.name)).toEqual(["New contact", "Create contact"]);
    expect(searchPalette(entries, "javascript").map((e) => e.name)).toEqual(["Run code"]);
    expect(searchPalette(entries, "  IF ").map((e) => e.name)[0]).toBe("If");
    expect(searchPalette(entries, "sandbox run").map((e) => e.name)).toEqual(["Run code"]);
    expect(searchPalette(entries, "nothing like this")).toEqual([]);
    expect(searchPalette(entries, "")).toHaveLength(entries.length);
  });
});

describe("new steps", () => {
  it("take their id from the entry's name as a valid step id", () => {
    expect(idFromName("Send HTTP request")).toBe("send_http_request");
    expect(idFromName("3 ways — to Wïn!")).toBe("ways_to_win");
    expect(idFromName("!!!")).toBe("step");
    expect(idFromName("x".repeat(200))).toHaveLength(50);
  });

  it("start with the input schema's defaults, nested objects included, and nothing invented for required fields", () => {
    const schema = {
      type: "object",
      required: ["url", "auth"],
      properties: {
        method: { type: "string", default: "GET" },
        url: { type: "string" },
        headers: { type: "object", default: { Accept: "*/*" } },
        retry: { type: "object", properties: { times: { type: "integer", default: 2 }, on: { type: "string" } } },
        auth: { type: "object", properties: { token: { type: "string" } } },
        body: { type: "object", properties: { raw: { type: "string" } } },
      },
    };
    expect(schemaDefaults(schema)).toEqual({ method: "GET", headers: { Accept: "*/*" }, retry: { times: 2 }, auth: {} });
    expect(schemaDefaults(null)).toEqual({});
  });
});

describe("integration icons", () => {
  it("shows an image data URI or a short text; anything else (a remote URL, markup) gets the default", () => {
    expect(paletteIcon("data:image/svg+xml;base64,PHN2Zy8+")).toEqual({ image: "data:image/svg+xml;base64,PHN2Zy8+" });
    expect(paletteIcon("🚀")).toEqual({ text: "🚀" });
    expect(paletteIcon("https://tracker.example/icon.png")).toBeNull();
    expect(paletteIcon("<svg onload=x>")).toBeNull();
    expect(paletteIcon("data:text/html,<script>")).toBeNull();
    expect(paletteIcon(undefined)).toBeNull();
  });
});
