"use client";
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import { CSRF_HEADER, CSRF_HEADER_VALUE } from "@/server/http/csrf-header";
import { ToastProvider } from "@/app/_components/toast";
import { codeOf } from "./errors";
import { TRPCProvider } from "./react";

/** A session that expired mid-visit: send the user to sign in and bring them back here afterwards. */
function onAuthError(error: unknown) {
  if (codeOf(error) !== "UNAUTHORIZED" || typeof window === "undefined") return;
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
}

function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onAuthError }),
    mutationCache: new MutationCache({ onError: onAuthError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers (not found, forbidden, bad input) will not change on retry.
        retry: (count, error) => !codeOf(error) && count < 2,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab (state keeps it across renders; a module singleton would leak across SSR requests).
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    // The CSRF header on every call: the server refuses a mutation without it (server/http/csrf.ts).
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE } })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <ToastProvider>{children}</ToastProvider>
      </TRPCProvider>
    </QueryClientProvider>
  );
}
