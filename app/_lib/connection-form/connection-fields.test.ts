import { describe, expect, it } from "vitest";
import { manifestOf } from "@junction/sdk";
import http from "@/integrations/official/http-request/src/index";
import { buildFields, type VariantField } from "@/app/_lib/schema-form/fields";
import { connectionFieldValues, connectionFormSchema, WRAP_KEY } from "./connection-fields";
import { oauthReplyMessage, readOAuthReply } from "./oauth-popup";

describe("the 'connect new' dialog's form", () => {
  it("draws the HTTP Request integration's connection (a choice at the top) as one choice, its secrets masked", () => {
    const spec = manifestOf(http).connections[0]!;
    if (spec.kind !== "custom") throw new Error("expected a custom connection");
    const { schema, wrapped } = connectionFormSchema(spec.fields, spec.name);
    expect(wrapped).toBe(true);
    const [field] = buildFields(schema).fields as VariantField[];
    expect(field).toMatchObject({ kind: "variant", key: WRAP_KEY, label: "HTTP authentication", discriminator: "type" });
    const kinds = Object.fromEntries(field!.variants.map((v) => [v.value, Object.fromEntries(v.fields.map((f) => [f.key, f.kind]))]));
    // Each with the optional URL the connection test calls, drawn as text.
    expect(kinds).toEqual({ bearer: { token: "secret", checkUrl: "text" }, basic: { username: "text", password: "secret", checkUrl: "text" }, api_key: { headerName: "text", apiKey: "secret", checkUrl: "text" } });
  });

  it("an object of fields is drawn as it is; values become the strings connection.create takes", () => {
    const { schema, wrapped } = connectionFormSchema({ type: "object", properties: { region: { type: "string" }, clientSecret: { type: "string" } } }, "Acme");
    expect(wrapped).toBe(false);
    expect(buildFields(schema).fields.map((f) => [f.key, f.kind])).toEqual([["region", "text"], ["clientSecret", "secret"]]);
    expect(connectionFieldValues({ type: "bearer", token: "t0k", port: 8080, on: true, empty: "", gone: undefined })).toEqual({ type: "bearer", token: "t0k", port: "8080", on: "true" });
  });

  it("takes the OAuth popup's reply only from this origin and in its own shape", () => {
    const origin = "https://junction.example";
    expect(readOAuthReply({ origin, data: oauthReplyMessage({ connectionId: "c1" }) }, origin)).toEqual({ connectionId: "c1" });
    expect(readOAuthReply({ origin, data: oauthReplyMessage({ error: "denied" }) }, origin)).toEqual({ error: "denied" });
    expect(readOAuthReply({ origin: "https://evil.example", data: oauthReplyMessage({ connectionId: "c1" }) }, origin)).toBeNull();
    expect(readOAuthReply({ origin, data: { type: "other", connectionId: "c1" } }, origin)).toBeNull();
    expect(readOAuthReply({ origin, data: "junction:oauth" }, origin)).toBeNull();
  });
});
