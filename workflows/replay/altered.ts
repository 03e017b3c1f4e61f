import { sleep } from "@temporalio/workflow";
import { automation as original } from "../automation";
import type { AutomationInput } from "../interpreter/types";

/**
 * A deliberately changed interpreter (one extra timer before the walk), bundled only by the replay test to
 * prove that replaying recorded histories catches a non-deterministic change.
 */
export async function automation(input: AutomationInput) {
  await sleep(1);
  return original(input);
}
