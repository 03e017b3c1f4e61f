import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction, defineConnection, defineIntegration, defineTrigger, ManifestError, manifestOf } from "./index";

const echo = defineAction({
  key: "echo",
  name: "Echo",
  description: "Returns its input",
  input: z.object({ text: z.string().min(1), channel: z.string().optional(), team: z.string().optional() }),
  output: z.object({ text: z.string() }),
  options: { channel: { dependsOn: ["team"], search: true, load: () => [{ label: "General", value: "C1" }] } },
  run: ({ input }) => ({ text: input.text }),
});

const base = { id: "echo-kit", name: "Echo kit", version: "1.0.0", author: "Junction", description: "Test integration" };

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ManifestError);
    return (err as ManifestError).problems;
  }
  throw new Error("expected a ManifestError");
}

describe("defineIntegration", () => {
  it("exports action schemas as JSON Schema for the editor, with dynamic-options declarations", () => {
    const integration = defineIntegration({ ...base, actions: [echo] });
    const { actions } = integration;
    const manifest = manifestOf(integration);
    expect(manifest.actions[0]!.input).toMatchObject({ type: "object", properties: { text: { type: "string", minLength: 1 } }, required: ["text"] });
    expect(manifest.actions[0]!.dynamicOptions).toEqual([{ field: "channel", dependsOn: ["team"], searchable: true }]);
    expect(Object.keys(actions)).toEqual(["echo"]);
  });

  it("names every problem with its path when the manifest is built", () => {
    const integration = defineIntegration({ ...base, id: "Bad Id", version: "1.0", actions: [{ ...echo, key: "Echo-Key" }] });
    expect(problemsOf(() => manifestOf(integration))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^id: use kebab-case/), expect.stringMatching(/^version: must be a semantic version/), expect.stringMatching(/^actions\.0\.key: use snake_case/)]),
    );
  });

  it("carries per-execution limits within the platform's maxima (heap at most 512 MB)", () => {
    expect(manifestOf(defineIntegration({ ...base, limits: { heapMb: 256, cpuMs: 2_000 } })).limits).toEqual({ heapMb: 256, cpuMs: 2_000 });
    expect(manifestOf(defineIntegration(base)).limits).toBeUndefined(); // the runtime's defaults: 128 MB heap
    expect(problemsOf(() => manifestOf(defineIntegration({ ...base, limits: { heapMb: 1024 } })))).toEqual([expect.stringMatching(/^limits\.heapMb: .*512/)]);
  });

  it("refuses duplicate action keys", () => {
    expect(() => defineIntegration({ ...base, actions: [echo, echo] })).toThrow('Action key "echo" is defined twice in echo-kit');
  });

  it("refuses dynamic options for a field the input does not have, and examples of unknown actions", () => {
    const broken = defineAction({ ...echo, options: { nope: { load: () => [] } } as never });
    const problems = problemsOf(() => manifestOf(defineIntegration({ ...base, actions: [broken], examples: [{ title: "x", action: "missing", input: {} }] })));
    expect(problems).toEqual([
      'actions.0.dynamicOptions.0: field "nope" is not an input field of echo',
      'examples.0.action: no action "missing"',
    ]);
  });

  it("describes connections (OAuth2 with PKCE and refresh, custom fields) and triggers", () => {
    const oauth = defineConnection({ kind: "oauth2", key: "oauth", name: "Acme account", authorizeUrl: "https://acme.test/authorize", tokenUrl: "https://acme.test/token", scopes: ["read"], test: () => {} });
    const custom = defineConnection({ kind: "custom", key: "custom", name: "Custom", fields: z.object({ region: z.enum(["eu", "us"]), token: z.string() }) });
    const poll = defineTrigger({ kind: "polling", key: "new_item", name: "New item", description: "d", input: z.object({}), output: z.object({ id: z.string() }), poll: async () => ({ items: [], cursor: null }), dedupeKey: (i) => i.id });
    const hook = defineTrigger({ kind: "webhook", key: "event", name: "Event", description: "d", webhook: "signed", input: z.object({}), output: z.object({}), parse: () => [] });
    const m = manifestOf(defineIntegration({
      ...base,
      connections: [oauth, custom],
      triggers: [poll, hook],
      webhooks: [{ key: "signed", verification: { kind: "hmac_sha256", header: "x-signature" } }],
      rateLimit: { requests: 10, perSeconds: 1 },
      permissions: { network: ["acme.test"], capabilities: ["store"] },
    }));
    expect(m.connections[0]).toEqual({ key: "oauth", name: "Acme account", description: "", testable: true, kind: "oauth2", authorizeUrl: "https://acme.test/authorize", tokenUrl: "https://acme.test/token", scopes: ["read"], pkce: true, extraAuthorizeParams: {}, refresh: { enabled: true, beforeExpirySeconds: 300 } });
    expect(m.connections[1]).toMatchObject({ kind: "custom", testable: false, fields: { properties: { region: { enum: ["eu", "us"] } } } });
    expect(m.triggers.map((t) => [t.key, t.kind])).toEqual([["new_item", "polling"], ["event", "webhook"]]);
    expect(m.triggers[0]).toMatchObject({ minIntervalSeconds: 300, output: { properties: { id: { type: "string" } } } });
    expect(m.rateLimit).toEqual({ requests: 10, perSeconds: 1, scope: "connection" });
  });

  it("refuses a trigger pointing at an undeclared webhook", () => {
    const hook = defineTrigger({ kind: "webhook", key: "event", name: "Event", description: "d", webhook: "nope", input: z.object({}), output: z.object({}), parse: () => [] });
    expect(problemsOf(() => manifestOf(defineIntegration({ ...base, triggers: [hook] })))).toEqual(['triggers.0.webhook: no webhook "nope" is declared']);
  });
});

describe("defineConnection", () => {
  it("parses the step's credentials and names what is missing", () => {
    const key = defineConnection({ kind: "api_key", key: "key", name: "Acme API key" });
    expect(key.parse({ apiKey: "k" })).toEqual({ apiKey: "k" });
    expect(() => key.parse(undefined)).toThrow('This step needs a "Acme API key" connection.');
    expect(() => key.parse({})).toThrow(/Acme API key" connection is incomplete: apiKey: /);
  });
});
