import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { DomainError } from "../errors";

/**
 * The message a tRPC error may show the user. Shown as is: a service's DomainError, and a TRPCError raised with
 * its own words (ours, or tRPC's "No procedure found…", which have no foreign cause). Replaced: anything whose
 * text came from somewhere else — an unexpected throw (500), and a body superjson could not read, whose cause
 * said "Maximum call stack size exceeded" or a JSON.parse position. The request id finds the original in the logs.
 */
export function publicMessage(error: TRPCError, requestId: string | undefined): string {
  const cause = error.cause;
  if (error.code === "INTERNAL_SERVER_ERROR") return `Something went wrong on our side (request ${requestId ?? "unknown"}).`;
  if (cause instanceof ZodError) return "Check the highlighted fields.";
  if (cause instanceof DomainError || cause === undefined || cause instanceof TRPCError) return error.message;
  if (error.code === "PARSE_ERROR" || cause instanceof SyntaxError) return "The request body is not valid JSON.";
  return `The request could not be read (request ${requestId ?? "unknown"}).`;
}

/** Errors whose own text is hidden from the user: logged, so the request id leads to it. */
export function hidesCause(error: TRPCError): boolean {
  const cause = error.cause;
  if (error.code === "INTERNAL_SERVER_ERROR") return true;
  return !(cause === undefined || cause instanceof DomainError || cause instanceof ZodError || cause instanceof TRPCError);
}
