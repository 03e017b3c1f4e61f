import { CSRF_HEADER, CSRF_HEADER_VALUE } from "../server/http/csrf-header";

/**
 * What Junction's own pages send with a tRPC mutation besides the cookie (server/http/csrf.ts): a spec that calls
 * the API directly, as the page's script would, sends it too. Without it a mutation is refused as cross-site.
 */
export const OWN_PAGE_HEADERS = { [CSRF_HEADER]: CSRF_HEADER_VALUE } as const;
