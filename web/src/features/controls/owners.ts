import type { SessionUser } from "../../api/types.ts";
import { isOwnedBy } from "../session/can.ts";

/** How a control's owner (an email, or a user id) reads on screen. */
export function ownerLabel(
  owner: string | null,
  me: SessionUser,
  names: Map<string, string>,
): string {
  if (owner === null) return "Nobody yet";
  if (isOwnedBy({ owner }, me)) return "You";
  return names.get(owner.trim().toLowerCase()) ?? owner;
}

/** Choices for an owner: me first, then the members the viewer can see, by email. */
export function ownerOptions(
  me: SessionUser,
  names: Map<string, string>,
  current: string | null = null,
) {
  const options = [
    { value: me.email.toLowerCase(), label: `${me.name} (me)` },
    ...[...names.entries()]
      .filter(([email]) => email !== me.email.toLowerCase())
      .map(([value, label]) => ({ value, label: `${label} (${value})` })),
  ];
  if (current !== null && !options.some((o) => o.value === current.trim().toLowerCase())) {
    options.push({ value: current, label: current });
  }
  return options;
}

/** A suggested owner role as people write it ("IT", "Security"). */
export function ownerRoleLabel(role: string): string {
  return role === "it" ? "IT" : role.charAt(0).toUpperCase() + role.slice(1);
}
