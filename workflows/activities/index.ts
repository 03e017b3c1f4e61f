import type { Database } from "../../db/client";
import type { SandboxHost } from "../../integrations/runtime";
import { createVersionCache, type VersionLoader } from "../../server/integrations/version-cache";
import type { EditorActivities } from "../editor-call";
import type { EngineActivities } from "../interpreter/types";
import { builtinExecutor } from "./builtin";
import { createEditorCall } from "./editor-call";
import { createPrepareErrorRun } from "./error-run";
import { routingExecutor, type ActionExecutor } from "./executor";
import { createFinishRun } from "./finish-run";
import { integrationExecutor } from "./integration-executor";
import { createRecordControl } from "./record-control";
import { createRunStep } from "./run-step";
import { createTriggerActivities } from "./triggers";
import type { TriggerActivities } from "../triggers/types";

/**
 * What the worker's activities are built from. `sandbox` is the worker's one sandbox host (createWorker makes it
 * and closes it on shutdown); `versions` loads a verified integration version (bundle + manifest) by (slug,
 * version), cached. Both are here so other activities (triggers, editor calls) run integrations the same way.
 */
export type ActivityDeps = {
  db: Database;
  /** Overrides how actions run (tests); by default core built-ins, everything else in the sandbox. */
  executor?: ActionExecutor;
  sandbox?: SandboxHost;
  versions?: VersionLoader;
};

/**
 * The worker's activities, built from their dependencies (tests pass their own database or executor). The
 * editor's calls into integrations exist only where there is a sandbox (createWorker always makes one).
 */
export function createActivities(deps: ActivityDeps): EngineActivities & TriggerActivities & Partial<EditorActivities> {
  const { db } = deps;
  const versions = deps.versions ?? createVersionCache(db);
  const sandboxed = deps.sandbox ? integrationExecutor({ db, sandbox: deps.sandbox, versions }) : undefined;
  const executor = deps.executor ?? routingExecutor({ core: builtinExecutor }, sandboxed);
  return {
    // Trigger entries (poll, subscribe, parse) always run in the sandbox, whatever executes the steps.
    ...createTriggerActivities({ db, executor: sandboxed }),
    runStep: createRunStep({ db, executor }),
    finishRun: createFinishRun(db),
    recordControl: createRecordControl(db),
    prepareErrorRun: createPrepareErrorRun(db),
    ...(deps.sandbox ? { runEditorCall: createEditorCall({ db, sandbox: deps.sandbox, versions }) } : {}),
  };
}
