import type { Database } from "../../db/client";
import type { EngineActivities } from "../interpreter/types";
import { builtinExecutor } from "./builtin";
import { createPrepareErrorRun } from "./error-run";
import { routingExecutor, type ActionExecutor } from "./executor";
import { createFinishRun } from "./finish-run";
import { createRunStep } from "./run-step";
import { createTriggerActivities, type TriggerRuntime } from "./triggers";
import type { TriggerActivities } from "../triggers/types";

/** triggers: the sandbox host trigger entries (poll, subscribe, parse) run in; without it they fail clearly. */
export type ActivityDeps = { db: Database; executor?: ActionExecutor; triggers?: TriggerRuntime };

/** The worker's activities, built from their dependencies (tests pass their own database or executor). */
export function createActivities({ db, executor = routingExecutor({ core: builtinExecutor }), triggers }: ActivityDeps): EngineActivities & TriggerActivities {
  return {
    ...createTriggerActivities({ db, triggers }),
    runStep: createRunStep({ db, executor }),
    finishRun: createFinishRun(db),
    prepareErrorRun: createPrepareErrorRun(db),
  };
}
