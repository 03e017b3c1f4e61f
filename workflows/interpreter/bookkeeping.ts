import { proxyActivities, proxyLocalActivities } from "@temporalio/workflow";
import { BOOKKEEPING_MAX_INTERVAL_MS, BOOKKEEPING_TIMEOUT_MS } from "../constants";
import type { AutomationInput, EngineActivities } from "./types";

// Bookkeeping retries until Postgres answers again: a database restart must not fail a run.
const options = { startToCloseTimeout: BOOKKEEPING_TIMEOUT_MS, retry: { maximumInterval: BOOKKEEPING_MAX_INTERVAL_MS } };

/**
 * Recording a run's end and its control nodes are single database writes: run as local activities, in the
 * worker that runs the interpreter, they skip the task-queue round trip of a normal activity.
 */
export const book = proxyLocalActivities<EngineActivities>(options);

/** Where a run's end is recorded: locally, unless the run's input switched local activities off. */
export const finishing = (input: AutomationInput) => (input.localActivities === false ? remoteBook : book);

/** Starting an error handler's run is rare and not on the hot path: a normal activity. */
export const remoteBook = proxyActivities<EngineActivities>(options);
