"use client";

/**
 * The token of an emailed link. Links carry it in the URL fragment (#token=…), which browsers never send to a
 * server; it is read here, then removed from the address bar so it does not linger in history or screenshots.
 * `keepAs` also keeps it in this tab's sessionStorage, for pages the user leaves and comes back to (an invitation
 * opened while signed out comes back after sign-in or sign-up).
 */
export function takeLinkToken(keepAs?: string): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get("token");
  if (fromHash) {
    history.replaceState(null, "", window.location.pathname + window.location.search);
    if (keepAs) sessionStorage.setItem(keepAs, fromHash);
    return fromHash;
  }
  return keepAs ? sessionStorage.getItem(keepAs) : null;
}
