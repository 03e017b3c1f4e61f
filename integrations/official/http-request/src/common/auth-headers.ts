import { base64 } from "@junction/sdk";
import type { HttpAuth } from "../connection";

/** The request headers an HTTP authentication connection stands for (the one place they are assembled). */
export function authHeaders(auth: HttpAuth): Record<string, string> {
  if (auth.type === "bearer") return { authorization: `Bearer ${auth.token}` };
  if (auth.type === "basic") return { authorization: `Basic ${base64(`${auth.username}:${auth.password}`)}` };
  return { [auth.headerName.toLowerCase()]: auth.apiKey };
}
