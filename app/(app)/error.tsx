"use client";
import { Button } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";

/** Unexpected failures inside the shell: keep the sidebar, explain, and offer a retry instead of a blank page. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="py-10" data-testid="error-state">
      <EmptyState title="Something went wrong" action={<Button onClick={reset}>Try again</Button>}>
        This page could not load. Try again in a moment{error.digest ? ` (reference ${error.digest})` : ""}.
      </EmptyState>
    </div>
  );
}
