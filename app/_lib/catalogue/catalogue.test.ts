import { describe, expect, it } from "vitest";
import { connectionSummary, entriesOf, graphWithEntry, inputsSummary, searchCatalogue } from "./catalogue";

const http = {
  slug: "http-request",
  name: "HTTP Request",
  version: "1.1.0",
  description: "Call any HTTP API.",
  actions: [{ key: "send_request", name: "Send request", description: "Sends an HTTP request and returns the response.", input: { type: "object", required: ["url"], properties: { method: {}, url: { title: "URL" }, headers: {} } } }],
};
const slack = {
  slug: "slack",
  name: "Slack",
  version: "2.0.0",
  description: "Team chat.",
  actions: [{ key: "send_message", name: "Send message", description: "Posts a message to a channel.", input: {} }],
  triggers: [{ key: "new_message", name: "New message", description: "When someone posts in a channel.", kind: "webhook" as const, input: {} }],
};

describe("the catalogue", () => {
  it("lists an integration's triggers, then its actions, as the palette does", () => {
    expect(entriesOf(slack).map((e) => [e.entry.name, e.entry.trigger, e.triggerKind ?? null])).toEqual([
      ["New message", true, "webhook"],
      ["Send message", false, null],
    ]);
    expect(entriesOf(http)[0]!.input).toBe(http.actions[0]!.input);
  });

  it("summarises inputs: required fields first and marked, titles over keys, the rest counted", () => {
    expect(inputsSummary(http.actions[0]!.input)).toBe("URL (required), method, headers");
    expect(inputsSummary({ properties: Object.fromEntries(["a", "b", "c", "d", "e", "f", "g"].map((k) => [k, {}])) })).toBe("a, b, c, d, e, +2 more");
    expect(inputsSummary({})).toBe("No input");
    expect(inputsSummary(null)).toBe("No input");
  });

  it("says how an integration connects", () => {
    expect(connectionSummary([])).toBe("No connection needed");
    expect(connectionSummary([{ kind: "api_key", name: "Key" }])).toBe("API key");
    expect(connectionSummary([{ kind: "custom", name: "HTTP authentication" }])).toBe("HTTP authentication");
    const three = [{ kind: "oauth2", name: "Sign in" }, { kind: "api_key", name: "Key" }, { kind: "api_key", name: "Other key" }];
    expect(connectionSummary(three)).toBe("OAuth 2.0 sign-in or API key");
  });

  it("finds integrations by name or description, and by what their triggers and actions do", () => {
    const catalog = [http, slack];
    expect(searchCatalogue(catalog, "").map((m) => m.integration.slug)).toEqual(["http-request", "slack"]);
    expect(searchCatalogue(catalog, "chat").map((m) => [m.integration.slug, m.nameMatches, m.entries.length])).toEqual([["slack", true, 0]]);
    const posts = searchCatalogue(catalog, "posts channel");
    expect(posts.map((m) => [m.integration.slug, m.entries.map((e) => e.name)])).toEqual([["slack", ["New message", "Send message"]]]);
    expect(searchCatalogue(catalog, "zebra")).toEqual([]);
  });

  it("starts a new workflow with a trigger alone, or with an action after a manual trigger", () => {
    const [trigger, action] = entriesOf(slack).map((e) => e.entry);
    expect(graphWithEntry(trigger!).nodes).toEqual([{ id: "new_message", kind: "trigger", trigger: "app_webhook", app: { integration: "slack", version: "2.0.0", key: "new_message", config: {} }, position: { x: 0, y: 0 } }]);
    const g = graphWithEntry(action!);
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ["start", "trigger"],
      ["send_message", "action"],
    ]);
    expect(g.edges).toEqual([expect.objectContaining({ source: "start", target: "send_message" })]);
  });
});
