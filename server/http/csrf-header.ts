/**
 * The header Junction's own pages send with every tRPC call (app/_trpc/provider.tsx) and every state-changing
 * request must carry (server/http/csrf.ts). An HTML form cannot set a header, and a script on another origin can
 * only after a CORS preflight, which Junction never grants. Its own file so the browser bundle takes nothing else.
 */
export const CSRF_HEADER = "x-junction-csrf";
export const CSRF_HEADER_VALUE = "1";
