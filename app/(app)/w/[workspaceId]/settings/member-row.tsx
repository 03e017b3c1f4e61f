"use client";
import { Avatar } from "@/app/_components/avatar";
import { Badge } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { SelectField } from "@/app/_components/field";
import { RelativeTime } from "@/app/_components/relative-time";
import { atLeast, ROLE_OPTIONS, roleLabel } from "@/app/_lib/roles";
import type { Member, Role } from "@/app/_lib/types";

type Props = {
  member: Member;
  isMe: boolean;
  myRole: Role;
  /** Nobody leaves their personal workspace; it is theirs alone. */
  personal: boolean;
  pending: boolean;
  onRoleChange: (role: Role) => void;
  onRemove: () => void;
};

/**
 * One member. Controls follow the server's rules so people are not offered actions that would fail:
 * admins manage non-owners, only owners touch owners, and anyone may leave.
 */
export function MemberRow({ member, isMe, myRole, personal, pending, onRoleChange, onRemove }: Props) {
  const isOwner = myRole === "owner";
  const canChange = atLeast(myRole, "admin") && (isOwner || member.role !== "owner");
  const canRemove = isMe ? !personal : canChange;
  const options = ROLE_OPTIONS.filter((r) => isOwner || r.value !== "owner");

  return (
    <tr data-testid="member-row">
      <td className="py-3 pr-3">
        <div className="flex items-center gap-3">
          <Avatar name={member.name} />
          <div className="min-w-0">
            <div className="truncate font-medium">
              {member.name} {isMe && <span className="font-normal text-zinc-500 dark:text-zinc-400">(you)</span>}
            </div>
            <div className="truncate text-xs text-zinc-500 dark:text-zinc-400">{member.email}</div>
          </div>
        </div>
      </td>
      <td className="py-3 pr-3">
        {canChange ? (
          <div className="w-32">
            <SelectField
              label={`Role for ${member.name}`}
              hideLabel
              value={member.role}
              disabled={pending}
              onChange={(e) => onRoleChange(e.target.value as Role)}
              options={options}
            />
          </div>
        ) : (
          <Badge tone={member.role === "owner" ? "indigo" : "neutral"}>{roleLabel(member.role)}</Badge>
        )}
      </td>
      <td className="hidden py-3 pr-3 text-zinc-500 sm:table-cell dark:text-zinc-400">
        <RelativeTime date={member.since} />
      </td>
      <td className="py-3 text-right">
        {canRemove && (
          <Button variant="ghost" size="sm" onClick={onRemove} aria-label={isMe ? "Leave workspace" : `Remove ${member.name}`}>
            {isMe ? "Leave" : "Remove"}
          </Button>
        )}
      </td>
    </tr>
  );
}
