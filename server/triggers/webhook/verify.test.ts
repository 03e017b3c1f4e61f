import { createHmac, generateKeyPairSync, sign as edSign } from "node:crypto";
import { sign as githubSign, verify as githubVerify } from "@octokit/webhooks-methods";
import { Webhook as StandardWebhook } from "standardwebhooks";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import type { VerificationConfig } from "../../../workflows/graph";
import { verificationConfig } from "../../../workflows/graph";
import { VerificationError, verifyDelivery } from "./verify";

// Each provider's deliveries are signed with that provider's own library (or its published test vector), so these
// tests check our verifiers against the providers' understanding of their schemes, not against our own.
const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z
const nowS = NOW / 1000;

function check(config: Partial<VerificationConfig> & { preset: VerificationConfig["preset"] }, raw: string | Buffer, headers: Record<string, string>, secrets: string[], nowMs = NOW): string | true {
  try {
    verifyDelivery(verificationConfig.parse(config), { raw: Buffer.isBuffer(raw) ? raw : Buffer.from(raw), headers: new Headers(headers), secrets, nowMs });
    return true;
  } catch (err) {
    if (err instanceof VerificationError) return err.message;
    throw err;
  }
}

describe("GitHub (X-Hub-Signature-256)", () => {
  it("accepts GitHub's published test vector", async () => {
    // docs.github.com "Validating webhook deliveries": secret, payload and the signature GitHub documents.
    const sig = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    expect(await githubVerify("It's a Secret to Everybody", "Hello, World!", sig)).toBe(true);
    expect(check({ preset: "github" }, "Hello, World!", { "x-hub-signature-256": sig }, ["It's a Secret to Everybody"])).toBe(true);
  });

  it("accepts a body signed by @octokit/webhooks-methods and refuses any change", async () => {
    const body = JSON.stringify({ action: "opened", number: 7, sender: { login: "octocat" } });
    const sig = await githubSign("gh-secret", body);
    expect(check({ preset: "github" }, body, { "x-hub-signature-256": sig }, ["gh-secret"])).toBe(true);
    expect(check({ preset: "github" }, body.replace("7", "8"), { "x-hub-signature-256": sig }, ["gh-secret"])).toBe("The x-hub-signature-256 signature does not match");
    expect(check({ preset: "github" }, body, { "x-hub-signature-256": sig }, ["other-secret"])).toBe("The x-hub-signature-256 signature does not match");
    expect(check({ preset: "github" }, body, {}, ["gh-secret"])).toBe("Missing x-hub-signature-256 header");
    expect(check({ preset: "github" }, body, { "x-hub-signature-256": sig.replace("sha256=", "sha1=") }, ["gh-secret"])).toBe('The x-hub-signature-256 header does not start with "sha256="');
    expect(check({ preset: "github" }, body, { "x-hub-signature-256": "sha256=zz" }, ["gh-secret"])).toBe("The signature is not hex");
  });

  it("accepts both secrets during rotation, and refuses everything without a secret", async () => {
    const body = '{"zen":"Keep it logically awesome."}';
    expect(check({ preset: "github" }, body, { "x-hub-signature-256": await githubSign("old", body) }, ["new", "old"])).toBe(true);
    expect(check({ preset: "github" }, body, { "x-hub-signature-256": await githubSign("new", body) }, ["new", "old"])).toBe(true);
    expect(check({ preset: "github" }, body, { "x-hub-signature-256": await githubSign("old", body) }, [])).toMatch(/no secret set yet/);
  });
});

describe("Stripe (Stripe-Signature)", () => {
  const secret = "whsec_test_secret_0123456789";
  const payload = JSON.stringify({ id: "evt_1", object: "event", type: "invoice.paid" });

  it("accepts a header made by the stripe library, within 300 s either way", () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: nowS });
    expect(check({ preset: "stripe" }, payload, { "stripe-signature": header }, [secret])).toBe(true);
    expect(check({ preset: "stripe" }, payload, { "stripe-signature": header }, [secret], NOW + 299_000)).toBe(true);
    expect(check({ preset: "stripe" }, payload, { "stripe-signature": header }, [secret], NOW + 301_000)).toBe("The signature timestamp is more than 300 s away from now");
    expect(check({ preset: "stripe" }, payload, { "stripe-signature": header }, [secret], NOW - 301_000)).toBe("The signature timestamp is more than 300 s away from now");
  });

  it("accepts any of several v1 values (Stripe's own rotation) and refuses a changed body or timestamp", () => {
    const good = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: nowS });
    const other = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else", timestamp: nowS });
    const v1 = (h: string) => h.split(",").find((p) => p.startsWith("v1="))!;
    expect(check({ preset: "stripe" }, payload, { "stripe-signature": `t=${nowS},${v1(other)},${v1(good)}` }, [secret])).toBe(true);
    expect(check({ preset: "stripe" }, payload, { "stripe-signature": `t=${nowS},${v1(other)}` }, [secret])).toBe("No v1 signature in Stripe-Signature matches");
    expect(check({ preset: "stripe" }, payload + " ", { "stripe-signature": good }, [secret])).toBe("No v1 signature in Stripe-Signature matches");
    expect(check({ preset: "stripe" }, payload, { "stripe-signature": good.replace(`t=${nowS}`, `t=${nowS + 1}`) }, [secret])).toBe("No v1 signature in Stripe-Signature matches");
    expect(check({ preset: "stripe" }, payload, { "stripe-signature": `t=${nowS}` }, [secret])).toBe("The Stripe-Signature header has no v1 signature");
  });
});

describe("Slack (v0)", () => {
  // api.slack.com "Verifying requests from Slack": the documented signing secret, timestamp, body and signature.
  const secret = "8f742231b10e8888abcd99yyyzzz85a5";
  const ts = "1531420618";
  const body =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  const headers = { "x-slack-request-timestamp": ts, "x-slack-signature": "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503" };
  const then = Number(ts) * 1000;

  it("accepts Slack's published example at its own time, and refuses it 301 s later", () => {
    expect(check({ preset: "slack" }, body, headers, [secret], then + 120_000)).toBe(true);
    expect(check({ preset: "slack" }, body, headers, [secret], then + 301_000)).toBe("The signature timestamp is more than 300 s away from now");
    expect(check({ preset: "slack" }, body.replace("roadrunner", "coyote"), headers, [secret], then)).toBe("The X-Slack-Signature signature does not match");
  });
});

describe("Standard Webhooks", () => {
  const payload = JSON.stringify({ type: "user.created", data: { id: 1 } });

  it("accepts a v1 signature made by the standardwebhooks library", () => {
    const secret = `whsec_${Buffer.from("standard-webhooks-key-0123456789").toString("base64")}`;
    const sig = new StandardWebhook(secret).sign("msg_1", new Date(NOW), payload);
    const headers = { "webhook-id": "msg_1", "webhook-timestamp": String(nowS), "webhook-signature": sig };
    expect(check({ preset: "standard_webhooks" }, payload, headers, [secret])).toBe(true);
    expect(check({ preset: "standard_webhooks" }, payload, { ...headers, "webhook-id": "msg_2" }, [secret])).toBe("No signature in webhook-signature matches");
    expect(check({ preset: "standard_webhooks" }, payload, headers, [secret], NOW + 400_000)).toBe("The signature timestamp is more than 300 s away from now");
    // At the real time (the library's verify reads the clock), the library and we agree.
    const at = new Date();
    const live = { "webhook-id": "msg_3", "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new StandardWebhook(secret).sign("msg_3", at, payload) };
    expect(new StandardWebhook(secret).verify(payload, live)).toEqual(JSON.parse(payload));
    expect(check({ preset: "standard_webhooks" }, payload, live, [secret], at.getTime())).toBe(true);
  });

  it("accepts a v1a Ed25519 signature among several entries, with the sender's public key", () => {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
    const content = `msg_9.${nowS}.${payload}`;
    const v1a = edSign(null, Buffer.from(content), privateKey).toString("base64");
    const headers = { "webhook-id": "msg_9", "webhook-timestamp": String(nowS), "webhook-signature": `v1,${Buffer.alloc(32).toString("base64")} v1a,${v1a}` };
    expect(check({ preset: "standard_webhooks" }, payload, headers, [`whpk_${raw.toString("base64")}`])).toBe(true);
    const stranger = Buffer.from(generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }).x!, "base64url");
    expect(check({ preset: "standard_webhooks" }, payload, headers, [`whpk_${stranger.toString("base64")}`])).toBe("No signature in webhook-signature matches");
  });
});

describe("generic HMAC and shared secret", () => {
  it("checks header, algorithm, encoding and prefix as configured", () => {
    const body = "a=1&b=2";
    const digest = createHmac("sha512", "k3y-k3y-k3y").update(body).digest("base64");
    const cfg = { preset: "hmac" as const, header: "X-Sig", algorithm: "sha512" as const, encoding: "base64" as const, prefix: "v=" };
    expect(check(cfg, body, { "x-sig": `v=${digest}` }, ["k3y-k3y-k3y"])).toBe(true);
    expect(check(cfg, body, { "x-sig": digest }, ["k3y-k3y-k3y"])).toBe('The x-sig header does not start with "v="');
    expect(check({ ...cfg, algorithm: "sha256" }, body, { "x-sig": `v=${digest}` }, ["k3y-k3y-k3y"])).toBe("The x-sig signature does not match");
    const hex = createHmac("sha1", "k3y-k3y-k3y").update(body).digest("hex");
    expect(check({ preset: "hmac", header: "x-sig", algorithm: "sha1", encoding: "hex", prefix: "" }, body, { "x-sig": hex }, ["k3y-k3y-k3y"])).toBe(true);
  });

  it("compares a shared secret header, and none accepts anything", () => {
    expect(check({ preset: "shared_secret" }, "{}", { "x-webhook-secret": "s3cret-value" }, ["s3cret-value"])).toBe(true);
    expect(check({ preset: "shared_secret" }, "{}", { "x-webhook-secret": "s3cret-valuf" }, ["s3cret-value"])).toBe("The x-webhook-secret header does not match the hook's secret");
    expect(check({ preset: "shared_secret", header: "X-Token" }, "{}", { "x-token": "s3cret-value" }, ["new-secret", "s3cret-value"])).toBe(true);
    expect(check({ preset: "none" }, "{}", {}, [])).toBe(true);
  });
});
