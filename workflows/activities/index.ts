import type { Database } from "../../db/client";
import type { EngineActivities } from "../interpreter/types";
import { createAcceptRun } from "./accept-run";
import { builtinExecutor } from "./builtin";
import { createPrepareErrorRun } from "./error-run";
import { routingExecutor, type ActionExecutor } from "./executor";
import { createFinishRun } from "./finish-run";
import { createRunStep } from "./run-step";

export type ActivityDeps = { db: Database; executor?: ActionExecutor };

/** The worker's activities, built from their dependencies (tests pass their own database or executor). */
export function createActivities({ db, executor = routingExecutor({ core: builtinExecutor }) }: ActivityDeps): EngineActivities {
  return {
    runStep: createRunStep({ db, executor }),
    finishRun: createFinishRun(db),
    prepareErrorRun: createPrepareErrorRun(db),
    acceptRun: createAcceptRun(db),
  };
}
