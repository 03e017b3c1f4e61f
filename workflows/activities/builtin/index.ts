import { ActionError, type ActionExecutor, type ActionResult } from "../executor";
import { httpRequest } from "./http-request";
import { webhookResponse } from "./webhook-response";

/** The engine's own actions (integration "core"); see workflows/actions/catalog.ts for their specs. */
export const builtinExecutor: ActionExecutor = {
  async execute(action, input, ctx): Promise<ActionResult> {
    switch (action.key) {
      case "http_request":
        return httpRequest(input, ctx);
      case "set":
        return { output: input };
      case "webhook_response":
        return webhookResponse(input);
      case "fail":
        throw new ActionError(String(input.message ?? "Failed on purpose"), String(input.type ?? "ActionError"), input.retryable !== false);
      default:
        throw new ActionError(`Unknown built-in action "${action.key}"`, "UnknownAction", false);
    }
  },
};
