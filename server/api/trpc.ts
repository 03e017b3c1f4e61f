import { initTRPC, TRPCError } from "@trpc/server";
import superjson, { type SuperJSONResult } from "superjson";
import { z, ZodError } from "zod";
import { DomainError } from "../errors";
import { trpcCalls } from "../metrics";
import type { Context } from "./context";
import { hidesCause, publicMessage } from "./public-message";
import { unstorableInput } from "./storable-input";

/**
 * superjson both ways, but a request's input is revived in place: it was parsed from this request's body a moment
 * ago and nothing else holds it, while superjson's default deep-copies it first (about a tenth of the server's CPU
 * for an autosave of a 1,000-step draft, bench/autosave-roundtrip.ts). The wire format is superjson's as before.
 */
const transformer = {
  input: { serialize: (v: unknown) => superjson.serialize(v), deserialize: (v: unknown) => superjson.deserialize(v as SuperJSONResult, { inPlace: true }) },
  output: superjson,
};

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error, ctx }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const domain = error.cause instanceof DomainError ? error.cause : null;
    return {
      ...shape,
      // Never send a stack trace or an internal message to the browser; the request id finds it in the logs.
      message: publicMessage(error, ctx?.requestId),
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        requestId: ctx?.requestId,
        fieldErrors: zod ? (z.flattenError(zod).fieldErrors as Record<string, string[]>) : (domain?.fieldErrors ?? null),
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns service errors into tRPC codes, logs unexpected ones with the request id, and counts every call. */
const base = t.procedure.use(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
  const outcome = result.ok ? "ok" : result.error.code;
  trpcCalls.observe({ path, type, outcome }, (performance.now() - started) / 1000);
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  if (hidesCause(result.error)) ctx.log.error({ err: cause ?? result.error, path }, "procedure failed");
  return result;
}).use(async ({ getRawInput, next }) => {
  // A string Postgres cannot store (U+0000, a lone surrogate) is refused naming its field, not failed by the database.
  const refused = unstorableInput(await getRawInput());
  if (refused) throw refused;
  return next();
});

export const publicProcedure = base;

export const protectedProcedure = base.use(({ ctx, next }) => {
  if (!ctx.user) {
    const message = ctx.sessionEnded ? "Your session has ended (signed out, or your access changed); sign in again." : "Sign in to continue.";
    throw new TRPCError({ code: "UNAUTHORIZED", message });
  }
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/**
 * Procedures on one workspace. The input carries `workspaceId`, and each handler passes it to a service that
 * calls requireRole() itself (server/workspaces/access.ts): membership and role are checked inside the procedure.
 */
export const workspaceInput = z.object({ workspaceId: z.uuid("Not a workspace id") });
export const workspaceProcedure = protectedProcedure.input(workspaceInput);

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.platformRole !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "Only platform admins can do this." });
  return next({ ctx });
});
