import type { SVGProps } from "react";

// A handful of inline 20px outline icons (no icon library). Decorative: labels live on the controls.
type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, className = "size-4", ...rest }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden className={className} {...rest}>
      {children}
    </svg>
  );
}

export const WorkflowIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2.5" y="3" width="5" height="4" rx="1" />
    <rect x="12.5" y="13" width="5" height="4" rx="1" />
    <path d="M5 7v4a4 4 0 0 0 4 4h3.5" />
  </Icon>
);
export const RunsIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="10" r="7.5" />
    <path d="M8.5 7l4 3-4 3z" />
  </Icon>
);
export const PlugIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M7 2.5v4M13 2.5v4M5 6.5h10v3a5 5 0 0 1-10 0zM10 14.5v3" />
  </Icon>
);
export const IntegrationsIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="3" width="5.5" height="5.5" rx="1.2" />
    <rect x="11.5" y="3" width="5.5" height="5.5" rx="1.2" />
    <rect x="3" y="11.5" width="5.5" height="5.5" rx="1.2" />
    <path d="M14.25 11.5v5.5M11.5 14.25H17" />
  </Icon>
);
export const SearchIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8.5" cy="8.5" r="5" />
    <path d="M12.5 12.5l4 4" />
  </Icon>
);
export const StoreIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 7.5l1.5-4h11l1.5 4M3 7.5h14M3 7.5v9h14v-9M8 16.5v-4h4v4" />
  </Icon>
);
export const CodeIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M7 6l-4 4 4 4M13 6l4 4-4 4" />
  </Icon>
);
export const ShieldIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M10 2.5l6 2.5v4.5c0 3.8-2.6 6.7-6 8-3.4-1.3-6-4.2-6-8V5z" />
  </Icon>
);
export const SettingsIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="10" cy="10" r="2.5" />
    <path d="M10 2.5v2M10 15.5v2M2.5 10h2M15.5 10h2M4.7 4.7l1.4 1.4M13.9 13.9l1.4 1.4M4.7 15.3l1.4-1.4M13.9 6.1l1.4-1.4" />
  </Icon>
);
export const PlusIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M10 4v12M4 10h12" />
  </Icon>
);
export const DotsIcon = (p: IconProps) => (
  <Icon {...p} fill="currentColor" stroke="none">
    <circle cx="4.5" cy="10" r="1.5" />
    <circle cx="10" cy="10" r="1.5" />
    <circle cx="15.5" cy="10" r="1.5" />
  </Icon>
);
export const ChevronUpDownIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M6.5 8L10 4.5 13.5 8M6.5 12l3.5 3.5 3.5-3.5" />
  </Icon>
);
export const CheckIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4.5 10.5l3.5 3.5 7.5-8" />
  </Icon>
);
export const ArrowLeftIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M16 10H4M9 5l-5 5 5 5" />
  </Icon>
);
export const MenuIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3 5.5h14M3 10h14M3 14.5h14" />
  </Icon>
);
export const CloseIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M5 5l10 10M15 5L5 15" />
  </Icon>
);
export const UsersIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="7" r="3" />
    <path d="M2.5 16.5c.6-2.8 2.8-4.5 5.5-4.5s4.9 1.7 5.5 4.5M13 4.3a3 3 0 0 1 0 5.4M15.5 12.5c1 .8 1.7 2 2 4" />
  </Icon>
);
export const UndoIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M7 4.5L3.5 8 7 11.5M4 8h8.5a4 4 0 0 1 0 8H9" />
  </Icon>
);
export const RedoIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M13 4.5L16.5 8 13 11.5M16 8H7.5a4 4 0 0 0 0 8H11" />
  </Icon>
);
export const DuplicateIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="7" y="7" width="10" height="10" rx="1.5" />
    <path d="M13 7V4.5A1.5 1.5 0 0 0 11.5 3h-7A1.5 1.5 0 0 0 3 4.5v7A1.5 1.5 0 0 0 4.5 13H7" />
  </Icon>
);
export const TrashIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M3.5 5.5h13M8 5.5V3.5h4v2M5.5 5.5l.8 11h7.4l.8-11M8.5 9v4.5M11.5 9v4.5" />
  </Icon>
);
export const TidyIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="2.5" y="8" width="4" height="4" rx="1" />
    <rect x="13.5" y="3" width="4" height="4" rx="1" />
    <rect x="13.5" y="13" width="4" height="4" rx="1" />
    <path d="M6.5 10H10M10 5v10M10 5h3.5M10 15h3.5" />
  </Icon>
);
export const NoteIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 3.5h12v8.5l-4.5 4.5H4zM11.5 16.5V12H16M7 7.5h6M7 10h3" />
  </Icon>
);
export const ConnectIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="4.5" cy="10" r="2" />
    <circle cx="15.5" cy="10" r="2" />
    <path d="M6.5 10h6M10.5 7.5L13 10l-2.5 2.5" />
  </Icon>
);
