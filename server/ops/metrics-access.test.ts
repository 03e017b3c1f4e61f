import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../db/client";
import { users } from "../../db/schema";
import { SIGNED_OUT, type SignedIn, userForSession } from "../auth/sessions";
import { newUser } from "../testing/users";
import { type MetricsAccess, metricsRefusal } from "./metrics-access";

// Who may read /api/metrics (app/api/metrics/route.ts asks metricsRefusal with the request's session). The
// admin's and the user's sessions are checked as a request's are (userForSession); e2e/operations.spec.ts
// scrapes through the running app with the bearer token and is refused without it.
const TOKEN = "metrics-token-for-this-test-0123456789";
const closed: MetricsAccess = { token: TOKEN, public: false };
let admin: SignedIn;
let user: SignedIn;

beforeAll(async () => {
  const [a, u] = await Promise.all([newUser("Metrics admin"), newUser("Metrics user")]);
  // The first account of a database is made admin at sign-up: say which is which.
  await getDb().update(users).set({ platformRole: "admin" }).where(eq(users.id, a.id));
  await getDb().update(users).set({ platformRole: "user" }).where(eq(users.id, u.id));
  admin = await userForSession(getDb(), { userId: a.id, version: a.sessionVersion });
  user = await userForSession(getDb(), { userId: u.id, version: u.sessionVersion });
});

const scrape = (headers: Record<string, string> = {}) => new Request("http://junction.test/api/metrics", { headers });

async function answer(req: Request, access: MetricsAccess, who: SignedIn | (() => Promise<SignedIn>)) {
  const refused = await metricsRefusal(req, access, typeof who === "function" ? who : async () => who);
  if (!refused) return { status: 200 };
  return { status: refused.status, error: ((await refused.json()) as { error: string }).error, challenge: refused.headers.get("www-authenticate") };
}

describe("/api/metrics access", () => {
  it("is refused to an anonymous caller with 401, naming the ways in", async () => {
    expect(await answer(scrape(), closed, SIGNED_OUT)).toEqual({
      status: 401,
      error: "Metrics need 'Authorization: Bearer <METRICS_TOKEN>' or a signed-in platform admin (METRICS_PUBLIC=1 opens them to anyone).",
      challenge: 'Bearer realm="junction-metrics"',
    });
  });

  it("serves the METRICS_TOKEN bearer, and refuses a wrong or malformed one", async () => {
    expect(await answer(scrape({ authorization: `Bearer ${TOKEN}` }), closed, SIGNED_OUT)).toEqual({ status: 200 });
    expect(await answer(scrape({ authorization: `Bearer ${TOKEN}x` }), closed, SIGNED_OUT)).toMatchObject({ status: 401, error: "The bearer token does not match METRICS_TOKEN." });
    expect(await answer(scrape({ authorization: TOKEN }), closed, SIGNED_OUT)).toMatchObject({ status: 401, error: "The Authorization header must be 'Bearer <METRICS_TOKEN>'." });
    // No token configured: no bearer is accepted, however it looks.
    expect(await answer(scrape({ authorization: "Bearer anything-at-all-really" }), { token: undefined, public: false }, SIGNED_OUT)).toMatchObject({ status: 401, error: expect.stringContaining("no METRICS_TOKEN set") });
  });

  it("serves a platform admin's session, and refuses anyone else's with 403", async () => {
    expect(await answer(scrape(), closed, admin)).toEqual({ status: 200 });
    expect(await answer(scrape(), { token: undefined, public: false }, admin)).toEqual({ status: 200 });
    expect(await answer(scrape(), closed, user)).toMatchObject({ status: 403, error: "Metrics are for platform admins and for scrapers with the METRICS_TOKEN bearer token." });
  });

  it("is open to anyone when the operator sets METRICS_PUBLIC=1", async () => {
    expect(await answer(scrape(), { token: undefined, public: true }, SIGNED_OUT)).toEqual({ status: 200 });
    expect(await answer(scrape(), { token: TOKEN, public: true }, user)).toEqual({ status: 200 });
  });

  it("answers 503 with a message, not a 500, when the session cannot be checked", async () => {
    const failing = async (): Promise<SignedIn> => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    };
    expect(await answer(scrape(), closed, failing)).toMatchObject({ status: 503, error: expect.stringContaining("use the METRICS_TOKEN bearer token") });
  });
});
