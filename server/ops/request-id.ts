const SAFE = /^[A-Za-z0-9._-]{8,128}$/;

/** The caller's X-Request-Id when it is sane (a proxy may set one), otherwise a fresh id. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && SAFE.test(given) ? given : crypto.randomUUID();
}
