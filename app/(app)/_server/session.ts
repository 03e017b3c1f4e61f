import { cache } from "react";
import { contextFor } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { currentUser } from "@/server/auth";

/**
 * The signed-in user's tRPC context, read once per request however many layouts and pages ask
 * (React's cache() is per request on the server). `ctx.user` is null when signed out, deleted, or the session was ended.
 */
export const requestContext = cache(async () => contextFor(await currentUser()));

/** A server-side tRPC caller with the same procedures and checks as the browser gets over HTTP. */
export async function serverCaller() {
  return createCaller(await requestContext());
}
