import type { IncomingMessage, ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import type { Database } from "../../db/client";
import { log } from "../log";
import { handleAppWebhook } from "../triggers/app-webhook/handle";
import { handleWebhook } from "../triggers/webhook/ingest";
import { callerOf } from "./client";
import { toRequest, writeResponse } from "./node-fetch";

const APP_HOOK = /^\/api\/hooks\/app\/([^/?]+)(?:\?|$)/;
const HOOK = /^\/api\/hooks\/([^/?]+)(?:\?|$)/;

type Served = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The webhook routes the edge answers itself, with the handlers the Next.js routes call: a delivery then costs
 * a plain HTTP parse instead of Next's routing (bench/webhook-ack.ts). Null: not ours, the caller proxies it.
 * App-webhook deliveries are POST only; other methods go to Next.js, which answers 405 as before.
 */
export function hookRoute(req: IncomingMessage, db: Database, trusted: BlockList | null = null): Served | null {
  const url = req.url ?? "";
  const app = APP_HOOK.exec(url);
  if (app) {
    if (req.method !== "POST") return null;
    return serve((request, hookId) => handleAppWebhook(request, { hookId, db }), app[1]!, trusted);
  }
  const hook = HOOK.exec(url);
  if (!hook || hook[1] === "app") return null;
  return serve((request, hookId) => handleWebhook(request, hookId, { db }), hook[1]!, trusted);
}

function serve(handle: (req: Request, hookId: string) => Promise<Response>, rawId: string, trusted: BlockList | null): Served {
  return async (req, res) => {
    let hookId: string;
    try {
      hookId = decodeURIComponent(rawId);
    } catch {
      await writeResponse(res, Response.json({ error: "No active webhook at this address" }, { status: 404 }));
      return;
    }
    try {
      await writeResponse(res, await handle(toRequest(req, callerOf(req, trusted).ip), hookId));
    } catch (err) {
      // The handlers answer their own errors; this is the response write failing (client gone) or a bug.
      log.error({ err }, "edge: webhook answer failed");
      if (!res.headersSent) await writeResponse(res, Response.json({ error: "Something went wrong on our side; retry later" }, { status: 500 }));
      else res.destroy();
    }
  };
}
