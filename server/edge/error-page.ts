import type { IncomingMessage } from "node:http";

/**
 * What the edge answers when it cannot get an answer from the web app. A browser gets a page a person can read
 * (what happened, what to do, and it retries by itself); an API client (a path under /api/, or a request that
 * does not ask for HTML first) gets JSON. Self-contained: the web app that would serve styles and images is the
 * thing that is down.
 */

export function wantsHtml(req: IncomingMessage): boolean {
  const url = req.url ?? "/";
  if (url === "/api" || url.startsWith("/api/") || url.startsWith("/api?")) return false;
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  // Browsers navigating send "text/html,application/xhtml+xml,…"; fetch() and curl send */* or JSON.
  return firstAccepted(req.headers.accept ?? "") === "text/html";
}

function firstAccepted(accept: string): string | undefined {
  const ranked = accept
    .split(",")
    .map((part, order) => {
      const [type, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { type: type!.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, order };
    })
    .filter((r) => r.type && r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked[0]?.type;
}

export type ErrorPage = { status: number; title: string; what: string; todo: string; retryAfterS?: number };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderErrorPage(page: ErrorPage): string {
  const refresh = page.retryAfterS ? `<meta http-equiv="refresh" content="${page.retryAfterS}">` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">${refresh}
<title>${escape(page.title)} · Junction</title>
<style>
:root{color-scheme:light dark;--bg:#fff;--fg:#18181b;--muted:#52525b;--accent:#4f46e5;--button:#4f46e5}
@media (prefers-color-scheme:dark){:root{--bg:#09090b;--fg:#f4f4f5;--muted:#a1a1aa;--accent:#818cf8;--button:#4f46e5}}
body{margin:0;min-height:100dvh;display:flex;align-items:center;justify-content:center;background:var(--bg);color:var(--fg);
font:15px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",sans-serif;text-align:center;padding:0 16px}
main{max-width:28rem}.status{color:var(--accent);font-weight:600;font-size:14px;margin:24px 0 4px}
h1{font-size:24px;letter-spacing:-.02em;margin:0}p{color:var(--muted);margin:8px 0 0}
a{display:inline-block;margin-top:24px;padding:8px 14px;border-radius:8px;background:var(--button);color:#fff;text-decoration:none;font-weight:500}
</style></head>
<body><main>
<svg viewBox="0 0 32 32" width="40" height="40" aria-hidden="true"><rect width="32" height="32" rx="8" fill="#4f46e5"/><g fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"><path d="M8 8c0 6 4 8 8 8M8 24c0-6 4-8 8-8h8"/></g><circle cx="24" cy="16" r="2.2" fill="#fff"/></svg>
<p class="status">${page.status}</p>
<h1>${escape(page.title)}</h1>
<p>${escape(page.what)}</p>
<p>${escape(page.todo)}</p>
<a href="">Try again</a>
</main></body></html>
`;
}
