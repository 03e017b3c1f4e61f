import type { ActionRef } from "../actions/catalog";
import type { Graph } from "../graph/schema";
import type { MappingWarning } from "../mapping/reference-warnings";

/** Arguments of one run of the interpreter (`automation`); the workflowId is the run id. */
export type AutomationInput = {
  runId: string;
  workspaceId: string;
  /** The pinned graph: a published version's, or the draft's for a test run. */
  graph: Graph;
  trigger: unknown;
  /** Outputs of steps that succeeded in an earlier run, by step key: "retry from the failed step". */
  resume?: Record<string, unknown>;
  /**
   * The published version the graph is, null for a test run of the draft. Absent on runs started before it was
   * passed; those carry no `test` either.
   */
  versionId?: string | null;
  /**
   * An editor test run's data (server/testing): step outputs used instead of running the step, by step key —
   * pinned by the chosen fixture or reused from the sample run. Refused on a run of a published version.
   */
  test?: { pins: Record<string, unknown> };
  /**
   * false: cheap built-in steps and the run's end run as normal activities instead of local ones. Never set by
   * the platform; bench/latency-levers.ts uses it to measure what local activities give.
   */
  localActivities?: boolean;
};

export type AutomationResult = { status: "succeeded"; stoppedAt?: string };

/** An output kept in Postgres (step_blobs) because it is above the inline limit; Temporal carries only this. */
export type BlobRef = { $blob: string; sizeBytes: number };

export const isBlobRef = (v: unknown): v is BlobRef => typeof v === "object" && v !== null && typeof (v as BlobRef).$blob === "string";

export type StepRequest = {
  runId: string;
  workspaceId: string;
  nodeId: string;
  /** Node id, prefixed by loop iterations ("each_user[2].notify"): the step's identity and idempotency key. */
  stepKey: string;
  action: ActionRef;
  connectionId?: string;
  /** The node's sandbox limits (settings.limits), when it sets any. */
  limits?: { heapMb?: number; cpuMs?: number; wallMs?: number };
  /** The node's input templates, evaluated in the activity (where blob references can be loaded). */
  input: Record<string, unknown>;
  /** The attempt's deadline, enforced by the activity itself (optional: runs started before it existed). */
  timeoutMs?: number;
  /** Just the data the templates read: trigger, the referenced steps' outputs (possibly BlobRefs), loop item. */
  scope: Record<string, unknown>;
  /** References in `input` to skipped or failed steps (workflows/mapping/reference-warnings.ts), for the step's record. */
  warnings?: MappingWarning[];
};

export type StepResult = { output: unknown };

export type FinishRequest = { runId: string; status: "succeeded" | "failed" | "cancelled"; error?: { message: string; nodeId?: string } };

export type ErrorRunRequest = { runId: string; workspaceId: string; errorWorkflowId: string; failure: { message: string; nodeId?: string } };

/**
 * The state of a control node (branch, loop, merge, delay, stop) for run_steps, so the run view shows it like a
 * step: which exit a branch took, a loop's item counts, how long a delay waited. Times are workflow time.
 */
export type ControlRecord = {
  runId: string;
  nodeId: string;
  stepKey: string;
  status: "running" | "succeeded" | "failed";
  input?: unknown;
  output?: unknown;
  error?: { message: string; type: string };
  startedAtMs: number;
  finishedAtMs?: number;
};

/** The activities the interpreter calls; workflows import this type only, never the implementation. */
export type EngineActivities = {
  runStep(req: StepRequest): Promise<StepResult>;
  finishRun(req: FinishRequest): Promise<void>;
  recordControl(req: ControlRecord): Promise<void>;
  /** Creates the error handler's run (latest published version of that workflow); null when there is none. */
  prepareErrorRun(req: ErrorRunRequest): Promise<AutomationInput | null>;
};
