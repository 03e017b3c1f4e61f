import { AuthenticationError, defineAction, defineConnection, defineIntegration, RetryableError } from "@junction/sdk";
import { z } from "zod";

/**
 * The test integration of workflows/integrations.test.ts and bench/latency-integration-step.ts: one small action
 * per ctx capability, built with the real CLI and run in the real sandbox. Not an official integration.
 */
const token = defineConnection({
  kind: "custom",
  key: "probe_token",
  name: "Probe token",
  fields: z.object({ token: z.string().min(1), baseUrl: z.string().min(1) }),
  async test(ctx) {
    const c = ctx.connection as { token: string; baseUrl: string };
    const r = await ctx.http.fetch(`${c.baseUrl}/me`, { headers: { authorization: `Bearer ${c.token}` } });
    if (r.status === 401) throw new AuthenticationError("The probe service rejected the token.");
  },
});

const oauth = defineConnection({
  kind: "oauth2",
  key: "probe_oauth",
  name: "Probe OAuth",
  authorizeUrl: "https://auth.probe.test/auth",
  tokenUrl: "https://auth.probe.test/token",
  scopes: ["openid"],
});

const count = defineAction({
  key: "count",
  name: "Count",
  description: "Adds one to a counter kept in ctx.store and logs it.",
  input: z.object({ by: z.number().int().default(1) }),
  output: z.object({ n: z.number() }),
  async run({ input, store, log }) {
    const n = ((await store.get("n")) as number | null) ?? 0;
    await store.set("n", n + input.by);
    log.info("counted", { n: n + input.by });
    return { n: n + input.by };
  },
});

const sign = defineAction({
  key: "sign",
  name: "Sign",
  description: "Signs a message with the installation's Ed25519 key.",
  input: z.object({ message: z.string() }),
  output: z.object({ signature: z.string(), publicKey: z.string() }),
  async run({ input, crypto }) {
    return { signature: await crypto.sign("hooks", input.message), publicKey: await crypto.publicKey("hooks") };
  },
});

const call = defineAction({
  key: "call",
  name: "Call",
  description: "Calls the probe service with the connection's token and the installation's secret.",
  input: z.object({ path: z.string().default("/me") }),
  output: z.object({ status: z.number(), sameSecret: z.boolean() }),
  async run({ input, connection, http, secrets, log }) {
    const c = token.parse(connection);
    const secret = await secrets.getOrCreate("webhook");
    const again = await secrets.getOrCreate("webhook");
    const r = await http.fetch(`${c.baseUrl}${input.path}`, { headers: { authorization: `Bearer ${c.token}`, "x-probe-secret": secret } });
    if (r.status === 401) throw new AuthenticationError("The probe service rejected the token.");
    log.info("called", { status: r.status });
    return { status: r.status, sameSecret: secret === again };
  },
});

const whoami = defineAction({
  key: "whoami",
  name: "Who am I",
  description: "Calls an OAuth2 userinfo endpoint with the connection's access token.",
  input: z.object({ url: z.string() }),
  output: z.object({ sub: z.string() }),
  async run({ input, connection, http }) {
    const c = oauth.parse(connection);
    const r = await http.fetch(input.url, { headers: { authorization: `Bearer ${c.accessToken}` } });
    if (r.status === 401) throw new AuthenticationError("The provider rejected the access token.");
    return { sub: ((await r.json()) as { sub: string }).sub };
  },
});

const wait = defineAction({
  key: "wait",
  name: "Wait",
  description: "Calls a slow URL (for concurrency tests).",
  input: z.object({ url: z.string() }),
  output: z.object({ status: z.number() }),
  async run({ input, http }) {
    return { status: (await http.fetch(input.url)).status };
  },
});

const burn = defineAction({
  key: "burn",
  name: "Burn",
  description: "Spins forever (for CPU limit tests).",
  input: z.object({}),
  output: z.object({}),
  async run() {
    for (;;) {
      // spin until the CPU limit stops the isolate
    }
  },
});

const hog = defineAction({
  key: "hog",
  name: "Hog",
  description: "Allocates memory until the heap limit stops it.",
  input: z.object({}),
  output: z.object({ kept: z.number() }),
  async run() {
    const kept: string[][] = [];
    for (let i = 0; ; i++) kept.push(new Array(100_000).fill(`x${i}`));
  },
});

const leak = defineAction({
  key: "leak",
  name: "Leak",
  description: "Fetches a host the manifest does not declare.",
  input: z.object({}),
  output: z.object({ status: z.number() }),
  async run({ http }) {
    return { status: (await http.fetch("https://undeclared.example.com/")).status };
  },
});

const flaky = defineAction({
  key: "flaky",
  name: "Flaky",
  description: "Throws the SDK's RetryableError until the given attempt, then succeeds (for retry tests).",
  input: z.object({ succeedOn: z.number().int() }),
  output: z.object({ attempt: z.number() }),
  async run({ input, run }) {
    if (run.attempt < input.succeedOn) throw new RetryableError(`not yet (attempt ${run.attempt})`);
    return { attempt: run.attempt };
  },
});

const chatty = defineAction({
  key: "chatty",
  name: "Chatty",
  description: "Writes `lines` log lines of `bytes` characters each, with as much data (for log cap tests).",
  input: z.object({ lines: z.number().int(), bytes: z.number().int() }),
  output: z.object({ logged: z.number() }),
  async run({ input, log }) {
    const text = "x".repeat(input.bytes);
    for (let i = 0; i < input.lines; i++) log.info(`${i} ${text}`, { i, text });
    return { logged: input.lines };
  },
});

const pickUser = defineAction({
  key: "pick_user",
  name: "Pick a user",
  description: "Has a dynamic options field that depends on another field and is searchable.",
  input: z.object({ team: z.string(), user: z.string() }),
  output: z.object({ user: z.string() }),
  options: {
    user: {
      dependsOn: ["team"],
      search: true,
      async load(ctx) {
        const all = ["ada", "alan", "grace"].map((u) => ({ label: `${u} (${String(ctx.input.team)})`, value: `${String(ctx.input.team)}/${u}` }));
        return ctx.search ? all.filter((o) => o.label.includes(ctx.search!)) : all;
      },
    },
  },
  async run({ input }) {
    return { user: input.user };
  },
});

export default defineIntegration({
  id: "probe",
  name: "Probe",
  version: "1.0.0",
  author: "Junction tests",
  description: "Exercises every ctx capability in the real sandbox.",
  permissions: { network: ["127.0.0.1"], capabilities: ["store", "secrets", "crypto.sign"] },
  limits: { cpuMs: 1500, wallMs: 20_000 },
  actions: [count, sign, call, whoami, wait, burn, hog, leak, flaky, chatty, pickUser],
  connections: [token, oauth],
});
