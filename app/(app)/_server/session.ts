import { cache } from "react";
import { contextForUser } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { currentUserId } from "@/server/auth";

/**
 * The signed-in user's tRPC context, read once per request however many layouts and pages ask
 * (React's cache() is per request on the server). `ctx.user` is null when signed out or deleted.
 */
export const requestContext = cache(async () => contextForUser(await currentUserId()));

/** A server-side tRPC caller with the same procedures and checks as the browser gets over HTTP. */
export async function serverCaller() {
  return createCaller(await requestContext());
}
