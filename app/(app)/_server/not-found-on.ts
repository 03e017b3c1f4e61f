import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * Runs a server-side tRPC call and turns "no such thing / not yours / malformed id" into the not-found page.
 * Non-members get NOT_FOUND from the server by design, so a stranger's workspace looks the same as a typo.
 */
export async function orNotFound<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
