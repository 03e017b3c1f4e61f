import type { Role } from "./types";

// Mirrors server/workspaces/roles.ts, which the browser may not import. The server stays the authority:
// these only decide which controls to show.
export const ROLE_OPTIONS: { value: Role; label: string; description: string }[] = [
  { value: "owner", label: "Owner", description: "Everything, including deleting the workspace and managing owners" },
  { value: "admin", label: "Admin", description: "Manage members and every workflow" },
  { value: "editor", label: "Editor", description: "Create, edit and run workflows" },
  { value: "viewer", label: "Viewer", description: "See workflows and runs, change nothing" },
];

const RANK: Record<Role, number> = { owner: 4, admin: 3, editor: 2, viewer: 1 };

export function atLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

export const canEdit = (role: Role) => atLeast(role, "editor");
export const canManage = (role: Role) => atLeast(role, "admin");

export function roleLabel(role: Role): string {
  return ROLE_OPTIONS.find((r) => r.value === role)?.label ?? role;
}

/** "an admin", "an editor", "an owner", "a viewer" (as server/workspaces/roles.ts words it). */
export function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
