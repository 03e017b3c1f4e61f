import { DefaultLogger, NativeConnection, Runtime, type Worker } from "@temporalio/worker";
import type { newUser } from "../../server/testing/users";
import { createWorker, type WorkerOptions } from "../worker";

type User = Awaited<ReturnType<typeof newUser>>;

/** A worker on a task queue of this test file's own, in this process; runs started by the services go to it. */
export async function startTestWorker(options: Partial<Pick<WorkerOptions, "deps" | "sandboxOptions" | "tuning" | "outboxRelay">> = {}) {
  const taskQueue = `test-${crypto.randomUUID()}`;
  // Quiet test output: the SDK logs every failed workflow at WARN, and failing is what many tests do on purpose.
  if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger("ERROR") });
  process.env.TEMPORAL_TASK_QUEUE = taskQueue;
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker: Worker = await createWorker({ connection, namespace: "default", taskQueue, ...options });
  const running = worker.run();
  return {
    taskQueue,
    worker,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

/** Creates a workflow with the graph as its draft, publishes it and returns its ids. */
export async function publishGraph(user: User, graph: unknown, name = "Test workflow") {
  const workspaceId = user.personalWorkspaceId;
  const wf = await user.caller.workflow.create({ workspaceId, name });
  await user.caller.workflow.saveDraft({ workspaceId, workflowId: wf.id, draftRevision: 1, graph });
  const version = await user.caller.workflow.publish({ workspaceId, workflowId: wf.id, message: "v1" });
  return { workspaceId, workflowId: wf.id, versionId: version.id };
}

const TERMINAL = new Set(["succeeded", "succeeded_with_errors", "failed", "cancelled"]);

/** Polls the run (as the browser does) until it ends. */
export async function waitForRun(user: User, runId: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await user.caller.run.get({ workspaceId: user.personalWorkspaceId, runId });
    if (TERMINAL.has(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Node builders that keep test graphs short. */
export const g = {
  trigger: (id = "start") => ({ id, kind: "trigger" as const }),
  set: (id: string, input: Record<string, unknown>, settings?: Record<string, unknown>) => ({ id, kind: "action" as const, action: { integration: "core", version: "1", key: "set" }, input, ...(settings ? { settings } : {}) }),
  fail: (id: string, input: Record<string, unknown>, settings?: Record<string, unknown>) => ({ id, kind: "action" as const, action: { integration: "core", version: "1", key: "fail" }, input, ...(settings ? { settings } : {}) }),
  http: (id: string, input: Record<string, unknown>, settings?: Record<string, unknown>) => ({ id, kind: "action" as const, action: { integration: "core", version: "1", key: "http_request" }, input, ...(settings ? { settings } : {}) }),
  edge: (source: string, target: string, sourceHandle?: string) => ({ id: `${source}-${sourceHandle ?? "out"}-${target}`, source, target, ...(sourceHandle ? { sourceHandle } : {}) }),
  chain: (...ids: string[]) => ids.slice(1).map((id, i) => ({ id: `${ids[i]}-out-${id}`, source: ids[i]!, target: id })),
};
