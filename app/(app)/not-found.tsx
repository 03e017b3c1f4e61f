import { ButtonLink } from "@/app/_components/button";
import { EmptyState } from "@/app/_components/empty-state";

/** Shown inside the app shell for a bad workspace or workflow id, or one the user is not a member of. */
export default function AppNotFound() {
  return (
    <div className="py-10" data-testid="not-found">
      <EmptyState
        title="We couldn't find that"
        icon={
          <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" aria-hidden className="size-6">
            <circle cx="9" cy="9" r="5.5" />
            <path d="M13 13l4 4M7.5 7.5l3 3M10.5 7.5l-3 3" />
          </svg>
        }
        action={<ButtonLink href="/">Back to your workspace</ButtonLink>}
      >
        It may have been deleted, the link may be mistyped, or you may not be a member of this workspace. Ask a workspace admin to
        invite you if you need access.
      </EmptyState>
    </div>
  );
}
