export const ROLES = ["owner", "admin", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { owner: 4, admin: 3, editor: 2, viewer: 1 };

/** True when `role` carries at least the powers of `min`. */
export function atLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

/** What each role may do, in words the settings page shows. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including deleting the workspace and managing owners",
  admin: "Manage members and every workflow",
  editor: "Create, edit and run workflows",
  viewer: "See workflows and runs, change nothing",
};

/** "an admin", "an editor", "an owner", "a viewer". */
export function withArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
