import { FAIL_INPUT, HTTP_REQUEST_INPUT, SET_INPUT, WEBHOOK_RESPONSE_INPUT } from "./builtin-inputs";

/**
 * What the engine knows about each action before running it: enough to validate a graph on save. Built-in
 * actions live here; integration actions will come from their approved manifests (the sandbox issue) through
 * the same ActionCatalog interface, so validation never needs to know which kind it is looking at.
 */
export type ActionSpec = {
  requiredInputs: string[];
  /** The input's JSON Schema (integration actions, from the manifest): validation checks every field against it. */
  inputSchema?: Record<string, unknown>;
  /** The output's JSON Schema (the manifest's): which fields a mapping may read from the step. Absent: not declared. */
  outputSchema?: Record<string, unknown>;
  description: string;
  /**
   * Run as a Temporal local activity: in the worker that runs the interpreter, skipping the task-queue round
   * trip. Only for quick, in-process built-ins; anything that calls out or runs user code stays a normal activity.
   */
  local?: boolean;
};
export type ActionRef = { integration: string; version: string; key: string };
/**
 * The actions a graph may use. `triggerOutput` gives an integration trigger's item schema (the `body` of its
 * trigger data) and `triggerInput` the schema of its config, when the catalog knows the graph's trigger; without
 * them the body and the config are not checked.
 */
export type ActionCatalog = ((ref: ActionRef) => ActionSpec | undefined) & {
  triggerOutput?: (ref: ActionRef) => Record<string, unknown> | undefined;
  triggerInput?: (ref: ActionRef) => Record<string, unknown> | undefined;
};

export const CORE = "core";

export const BUILTIN_ACTIONS: Record<string, ActionSpec> = {
  http_request: { requiredInputs: ["url"], inputSchema: HTTP_REQUEST_INPUT, description: "Calls a URL; passes the step's idempotency key as Idempotency-Key." },
  set: { requiredInputs: [], inputSchema: SET_INPUT, description: "Outputs its (evaluated) input: a way to shape or transform data.", local: true },
  webhook_response: { requiredInputs: [], inputSchema: WEBHOOK_RESPONSE_INPUT, description: "In a sync webhook, answers the caller with status, headers and body (the first one a run reaches)." },
  fail: { requiredInputs: ["message"], inputSchema: FAIL_INPUT, description: "Fails with the given message and error type (for tests and guards)." },
};

export const builtinCatalog: ActionCatalog = (ref) => (ref.integration === CORE ? BUILTIN_ACTIONS[ref.key] : undefined);
