import { WorkflowExecutionAlreadyStartedError, WorkflowIdConflictPolicy, WorkflowIdReusePolicy } from "@temporalio/client";
import { inArray, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { webhookDeliveries } from "../../../db/schema";
import type { automation } from "../../../workflows/automation";
import { temporal } from "../../../workflows/client";
import { temporalConfig } from "../../../workflows/config";
import { AUTOMATION_WORKFLOW } from "../../../workflows/constants";
import type { AutomationInput } from "../../../workflows/interpreter/types";

/**
 * Starts the runs of accepted deliveries in Temporal. Each delivery is started right after its answer (no wait on
 * the request path); the sweeper catches any a crash or an outage left behind. Starting twice is harmless: the
 * run id is the workflow id, and Temporal refuses a second start of it.
 */
const START_DEADLINE_MS = Number(process.env.JUNCTION_HOOK_START_DEADLINE_MS ?? 5_000);
const SWEEP_EVERY_MS = 1_000;
// A delivery younger than this is left to the process that accepted it (it is starting it right now).
const SWEEP_AFTER_MS = 2_000;
const PROBE_EVERY_MS = 1_000;

type State = { healthy: boolean; lastProbe: number; probing: Promise<boolean> | null; sweeper: NodeJS.Timeout | null; started: string[]; flush: NodeJS.Timeout | null };
const g = globalThis as unknown as { __junctionHookRelay?: State };
const state = (g.__junctionHookRelay ??= { healthy: true, lastProbe: 0, probing: null, sweeper: null, started: [], flush: null });

// Starts share the web process's CPU with acknowledgements: measured on 2 cores (bench/webhook-ack.ts), 4 in
// flight kept p95 at 200 req/s near 57 ms where 32 gave 315 ms; the sweeper takes whatever this leaves.
const MAX_IN_FLIGHT = Number(process.env.JUNCTION_HOOK_START_CONCURRENCY ?? 4);
let inFlight = 0;

/**
 * The start that follows an acknowledgement. At most MAX_IN_FLIGHT run at once: beyond that (Temporal is slower
 * than the deliveries arrive) the row simply waits for the sweeper, so a burst never piles up calls in memory.
 */
export function startSoon(db: Database, input: AutomationInput): Promise<boolean> {
  if (inFlight >= MAX_IN_FLIGHT) return Promise.resolve(false);
  inFlight += 1;
  return startDeliveryRun(db, input).finally(() => (inFlight -= 1));
}

const UNAVAILABLE = 14; // gRPC status: the server could not be reached

/** Starts one delivery's run; true once Temporal has it, false otherwise (the row stays pending for the sweeper). */
export async function startDeliveryRun(db: Database, input: AutomationInput): Promise<boolean> {
  try {
    const { connection, client } = await temporal();
    await connection.withDeadline(Date.now() + START_DEADLINE_MS, () =>
      client.workflow.start<typeof automation>(AUTOMATION_WORKFLOW, {
        taskQueue: temporalConfig().taskQueue,
        workflowId: input.runId,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
        args: [input],
      }),
    );
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
      // Unreachable: refuse new deliveries until a probe succeeds. Merely slow (deadline): keep accepting, the sweeper catches up.
      if ((err as { code?: number }).code === UNAVAILABLE || (err as { cause?: { code?: number } }).cause?.code === UNAVAILABLE) state.healthy = false;
      return false;
    }
  }
  state.healthy = true;
  markStarted(db, input.runId);
  return true;
}

/** Marks started runs in batches: one UPDATE per 50 ms however many deliveries arrive. */
function markStarted(db: Database, runId: string): void {
  state.started.push(runId);
  state.flush ??= setTimeout(() => {
    const ids = state.started.splice(0);
    state.flush = null;
    // A lost update only means the sweeper starts the run again, which Temporal refuses: harmless.
    db.update(webhookDeliveries).set({ startedAt: new Date() }).where(inArray(webhookDeliveries.runId, ids)).catch(() => {});
  }, 50);
}

/**
 * Whether Temporal can take runs now. Known healthy: yes at once. After a failure: one probe a second decides,
 * so deliveries are refused (503) while it is away instead of piling up behind an outage.
 */
export async function temporalAvailable(): Promise<boolean> {
  if (state.healthy) return true;
  return probe();
}

/** Asks Temporal whether it answers (at most once a second); the sweeper also calls it, so an outage is noticed within about a second. */
function probe(): Promise<boolean> {
  if (state.probing) return state.probing;
  if (Date.now() - state.lastProbe < PROBE_EVERY_MS) return Promise.resolve(state.healthy);
  state.lastProbe = Date.now();
  state.probing = (async () => {
    try {
      const { connection } = await temporal();
      await connection.withDeadline(Date.now() + 2_000, () => connection.workflowService.getSystemInfo({}));
      state.healthy = true;
    } catch {
      state.healthy = false;
    }
    return state.healthy;
  })().finally(() => (state.probing = null));
  return state.probing;
}

/** Starts every accepted delivery no process has started yet (oldest first, a batch at a time). */
export async function sweepPending(db: Database, olderThanMs = SWEEP_AFTER_MS): Promise<number> {
  if (!(await probe())) return 0;
  const rows = (
    await db.execute(sql`
      select r.id as "runId", r.workspace_id as "workspaceId", r.trigger, v.graph
      from webhook_deliveries d join runs r on r.id = d.run_id join workflow_versions v on v.id = r.workflow_version_id
      where d.started_at is null and d.received_at < now() - make_interval(secs => ${olderThanMs / 1000})
      order by d.received_at limit 200`)
  ).rows as AutomationInput[];
  let started = 0;
  for (let i = 0; i < rows.length; i += 10) {
    const ok = await Promise.all(rows.slice(i, i + 10).map((r) => startDeliveryRun(db, r)));
    started += ok.filter(Boolean).length;
    if (ok.includes(false)) break;
  }
  return started;
}

/** The sweeper of this process: started with the first delivery it handles (and by serve.ts at boot). */
export function ensureRelay(db: Database): void {
  if (state.sweeper) return;
  state.sweeper = setInterval(() => void sweepPending(db).catch(() => {}), SWEEP_EVERY_MS);
  state.sweeper.unref();
}
