import type { Role } from "../generated/prisma/enums";

const ROLE_PRECEDENCE: Role[] = ["admin", "reviewer", "security", "engineer"];

export interface GroupMapping {
  role: Role | null;
  teamSlug: string | null;
}

/**
 * Maps an identity provider's groups claim to a portal role and team:
 * `<prefix>:<role>` and `<prefix>:team:<slug>`. The strongest role wins;
 * the first team listed wins.
 */
export function mapGroups(groups: unknown, prefix: string): GroupMapping {
  const list = Array.isArray(groups)
    ? groups.filter((group): group is string => typeof group === "string")
    : typeof groups === "string"
      ? groups.split(",")
      : [];
  const ours = list
    .map((group) => group.trim())
    .filter((group) => group.startsWith(`${prefix}:`))
    .map((group) => group.slice(prefix.length + 1));

  const role =
    ROLE_PRECEDENCE.find((candidate) => ours.includes(candidate)) ?? null;
  const team = ours.find((group) => /^team:[a-z0-9-]{2,40}$/.test(group));

  return { role, teamSlug: team ? team.slice("team:".length) : null };
}
