// Names shared by the web process, the worker and the tests; never spelled twice.
export const DEFAULT_TASK_QUEUE = "junction";
export const DEFAULT_NAMESPACE = "default";

/** The interpreter's workflow type name (workflows/automation.ts). */
export const AUTOMATION_WORKFLOW = "automation";

/** Dynamic options and connection tests for the editor (workflows/editor-call.ts). */
export const EDITOR_CALL_WORKFLOW = "editorCall";

/** A step without its own timeoutMs gets this long per attempt. */
export const DEFAULT_STEP_TIMEOUT_MS = 5 * 60_000;
/**
 * The step activity enforces timeoutMs itself (it aborts the action and fails with a clear message); Temporal's
 * start-to-close timeout is this much longer, and only fires when the worker died holding the attempt.
 */
export const STEP_TIMEOUT_GRACE_MS = 2_000;
/** A step attempt still running after this long starts heartbeating (so cancellation and worker death reach it). */
export const HEARTBEAT_AFTER_MS = 1_000;
/** A heartbeating attempt not heard from for this long is presumed lost with its worker, and retried. */
export const STEP_HEARTBEAT_TIMEOUT_MS = 5_000;
/** A step without its own retry settings: three attempts, doubling from one second. */
export const DEFAULT_STEP_RETRY = { maxAttempts: 3, backoff: "exponential", initialIntervalMs: 1_000, nonRetryable: [] as string[] } as const;
/** Bookkeeping activities (finishing a run) retry until Postgres is back; each attempt gets this long. */
export const BOOKKEEPING_TIMEOUT_MS = 30_000;
export const BOOKKEEPING_MAX_INTERVAL_MS = 10_000;

/** Outputs above this are stored in step_blobs and passed by reference (Temporal payloads stay small). */
export const INLINE_OUTPUT_LIMIT_BYTES = 256 * 1024;

/** Trigger workflow types (workflows/triggers/) and the ids they run under. */
export const SCHEDULED_RUN_WORKFLOW = "scheduledRun";
export const POLLING_WORKFLOW = "pollingTrigger";
export const APP_WEBHOOK_SUBSCRIBE_WORKFLOW = "appWebhookSubscribe";
export const APP_WEBHOOK_UNSUBSCRIBE_WORKFLOW = "appWebhookUnsubscribe";
export const APP_WEBHOOK_DELIVERY_WORKFLOW = "appWebhookDelivery";
/** One Temporal Schedule per workflow; its runs' workflow ids start with this and get the time appended. */
export const scheduleIdOf = (workflowId: string) => `schedule-${workflowId}`;
export const pollingWorkflowIdOf = (workflowId: string) => `polling-${workflowId}`;
/** A trigger entry (poll, subscribe, parse) in the sandbox gets this long per attempt. */
export const TRIGGER_ENTRY_TIMEOUT_MS = 60_000;
/** Runs a poll, a delivery or a heal may start at once; the rest stay pending for the next round. */
export const TRIGGER_RUN_BATCH = 100;
