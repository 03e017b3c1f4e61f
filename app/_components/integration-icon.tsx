import { CodeIcon, PlugIcon, WorkflowIcon } from "@/app/_components/icons";
import { paletteIcon } from "@/app/_lib/graph-edit/palette";

// The official integrations ship no icon in their manifests; the app knows what they are.
const KNOWN: Record<string, (p: { className?: string }) => React.ReactNode> = {
  triggers: BoltIcon,
  builtin: WorkflowIcon,
  "http-request": GlobeIcon,
  code: CodeIcon,
  transform: ShuffleIcon,
};

/** An integration's (or a palette group's) icon: the manifest's (an image data URI or an emoji), a known one, or the default plug. */
export function IntegrationIcon({ group, icon, className = "size-4" }: { group: string; icon?: string; className?: string }) {
  const own = paletteIcon(icon);
  const box = "inline-flex shrink-0 items-center justify-center";
  // A data: URI from the manifest: nothing is fetched, and nothing for next/image to optimise.
  if (own && "image" in own) {
    return <img src={own.image} alt="" aria-hidden className={`${box} ${className} rounded-sm object-contain`} />;
  }
  if (own) return <span aria-hidden className={`${box} ${className} text-[0.9em] leading-none`}>{own.text}</span>;
  const Known = KNOWN[group] ?? PlugIcon;
  return <Known className={`${className} text-zinc-500 dark:text-zinc-400`} />;
}

function BoltIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" aria-hidden className={className}>
      <path d="M11 2.5L4.5 11h5l-1 6.5L15.5 9h-5z" />
    </svg>
  );
}
function GlobeIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden className={className}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M2.5 10h15M10 2.5c2.2 2.2 2.2 12.8 0 15M10 2.5c-2.2 2.2-2.2 12.8 0 15" />
    </svg>
  );
}
function ShuffleIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden className={className}>
      <path d="M3 6h3.5l7 8H17M3 14h3.5l1.8-2M11.7 8l1.8-2H17M15 4l2 2-2 2M15 12l2 2-2 2" />
    </svg>
  );
}
