import { z } from "zod";
import { webhookConfig } from "./webhook-config";

/**
 * The workflow graph (ARCHITECTURE.md §4), shared by the server (validation on save), the editor and the
 * interpreter. Versioned: a breaking change bumps schemaVersion and adds an upgrade, never edits v1 in place.
 */
export const GRAPH_SCHEMA_VERSION = 1;

export const nodeIdSchema = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, "Node ids are snake_case slugs (a-z, 0-9, _)");
const position = z.object({ x: z.number(), y: z.number() }).optional();
const nodeId = nodeIdSchema;
const base = { id: nodeId, label: z.string().max(200).optional(), position };

export const retrySettings = z.object({
  maxAttempts: z.number().int().min(1).max(100).default(3),
  backoff: z.enum(["fixed", "exponential"]).default("exponential"),
  initialIntervalMs: z.number().int().min(1).max(3_600_000).default(1_000),
  maxIntervalMs: z.number().int().min(1).max(86_400_000).optional(),
  // Error classes (the `type` of an ApplicationFailure, e.g. "ValidationError") that are never retried.
  nonRetryable: z.array(z.string()).default([]),
});

export const stepSettings = z.object({
  retry: retrySettings.optional(),
  timeoutMs: z.number().int().min(100).max(86_400_000).optional(),
  // Sandboxed actions only: this step's isolate limits, over the integration manifest's (heap default 128 MB).
  limits: z
    .object({ heapMb: z.number().int().min(8).max(512), cpuMs: z.number().int().min(1).max(300_000), wallMs: z.number().int().min(1).max(900_000) })
    .partial()
    .optional(),
  // fail: the run fails; continue: record the error as the output and go on; route: follow the "error" handle.
  onError: z.enum(["fail", "continue", "route"]).default("fail"),
});

export const TRIGGER_KINDS = ["manual", "webhook", "schedule", "polling", "app_webhook"] as const;
/** What Temporal does when a scheduled time comes while the previous scheduled run is still going. */
export const OVERLAP_POLICIES = ["skip", "buffer_one", "buffer_all", "cancel_other", "terminate_other", "allow_all"] as const;

/** A schedule trigger: a five-field cron expression (or @hourly, @daily, …) read in an IANA timezone. */
export const scheduleSettings = z.object({
  cron: z.string().trim(),
  timezone: z.string().trim().default("UTC"),
  overlap: z.enum(OVERLAP_POLICIES).default("skip"),
});

/**
 * A connection an imported workflow used, named the only way that means something in another workspace: by its
 * integration and name (workflows/graph/workflow-file.ts). It stays on the node until a connection is chosen;
 * while it does and connectionId is unset, the node has a problem that asks for one.
 */
export const connectionRef = z.object({ integration: z.string().min(1).max(100), name: z.string().max(200) });

/** A polling or app-webhook trigger: one trigger of an installed integration, with its connection and config. */
export const appTriggerSettings = z.object({
  integration: z.string().min(1, "Choose an integration"),
  version: z.string().min(1, "Choose the integration's version"),
  key: z.string().min(1, "Choose one of the integration's triggers"),
  connectionId: z.string().optional(),
  connectionRef: connectionRef.optional(),
  config: z.record(z.string(), z.unknown()).default({}),
  // Polling only: how often to poll; never below the integration's minIntervalSeconds.
  intervalSeconds: z.number().int().min(30).max(86_400).optional(),
});

export const triggerNode = z.object({
  ...base,
  kind: z.literal("trigger"),
  trigger: z.enum(TRIGGER_KINDS).default("manual"),
  schedule: scheduleSettings.optional(),
  app: appTriggerSettings.optional(),
  // Settings of a webhook trigger (methods, verification preset, mode, limits); secrets live elsewhere.
  webhook: webhookConfig.optional(),
});

export const actionNode = z.object({
  ...base,
  kind: z.literal("action"),
  action: z.object({ integration: z.string().min(1), version: z.string().min(1), key: z.string().min(1) }),
  connectionId: z.string().optional(),
  connectionRef: connectionRef.optional(),
  // Templates over earlier data: "{{ steps.find_user.output.id }}"; any JSON value, strings are templates.
  input: z.record(z.string(), z.unknown()).default({}),
  settings: stepSettings.default({ onError: "fail" }),
});

/** if: handles "true"/"false". switch: one handle per case value, plus "default". */
export const branchNode = z.object({
  ...base,
  kind: z.literal("branch"),
  mode: z.enum(["if", "switch"]).default("if"),
  expression: z.string().min(1, "Give the branch an expression"),
  cases: z.array(z.string()).default([]),
});

/** Runs the nodes after its "each" handle once per item; "done" carries the list of results. */
export const loopNode = z.object({
  ...base,
  kind: z.literal("loop"),
  items: z.string().min(1, "Say which list to loop over"),
  concurrency: z.number().int().min(1).max(50).default(1),
  continueOnItemFailure: z.boolean().default(false),
});

export const mergeNode = z.object({ ...base, kind: z.literal("merge"), mode: z.enum(["all", "first"]).default("all") });

export const delayNode = z.object({
  ...base,
  kind: z.literal("delay"),
  durationMs: z.number().int().min(0).max(366 * 86_400_000).optional(),
  // A template evaluating to an ISO timestamp.
  until: z.string().optional(),
});

export const stopNode = z.object({ ...base, kind: z.literal("stop"), outcome: z.enum(["success", "error"]).default("success"), message: z.string().default("") });

export const graphNode = z.discriminatedUnion("kind", [triggerNode, actionNode, branchNode, loopNode, mergeNode, delayNode, stopNode]);

export const graphEdge = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  // Which exit of the source: "out" (default), "true"/"false", a switch case, "default", "each"/"done", "error".
  sourceHandle: z.string().optional(),
  target: z.string().min(1),
});

export const NODE_KINDS = ["trigger", "action", "branch", "loop", "merge", "delay", "stop"] as const;

/** A sticky note on the canvas (Markdown): saved with the graph for people; validation and runs ignore it. */
export const stickyNote = z.object({
  id: z.string().min(1).max(100),
  text: z.string().max(20_000, "A note holds at most 20,000 characters"),
  position: z.object({ x: z.number(), y: z.number() }),
  width: z.number().min(40).max(4000).optional(),
  height: z.number().min(40).max(4000).optional(),
});

export const graphSchema = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  nodes: z.array(graphNode),
  edges: z.array(graphEdge),
  settings: z.object({ errorWorkflowId: z.string().optional() }).optional(),
  notes: z.array(stickyNote).max(500, "A workflow holds at most 500 notes").optional(),
});

export type Graph = z.infer<typeof graphSchema>;
export type GraphInput = z.input<typeof graphSchema>;
export type GraphNode = z.infer<typeof graphNode>;
export type GraphEdge = z.infer<typeof graphEdge>;
export type StickyNote = z.infer<typeof stickyNote>;
export type ActionNode = z.infer<typeof actionNode>;
export type TriggerNode = z.infer<typeof triggerNode>;
export type ScheduleSettings = z.infer<typeof scheduleSettings>;
export type AppTriggerSettings = z.infer<typeof appTriggerSettings>;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];
export type LoopNode = z.infer<typeof loopNode>;
export type StepSettings = z.infer<typeof stepSettings>;
export type ConnectionRef = z.infer<typeof connectionRef>;
export type RetrySettings = z.infer<typeof retrySettings>;

export { handleOf } from "./handles";
