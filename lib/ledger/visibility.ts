import type { CurrentUser } from "../auth/session";
import { Prisma } from "../generated/prisma/client";

/** The status an image must have for other teams' engineers to see it. */
export const RELEASED_STATUS = "AVAILABLE";

type Viewer = Pick<CurrentUser, "role" | "teamId">;

/**
 * Which images a user may read. Security, reviewers and admins see every
 * image; an engineer sees their own team's images and other teams' only
 * once released, since unreleased builds are that team's drafts.
 */
export function imageVisibilityWhere(user: Viewer): Prisma.ImageWhereInput {
  if (seesEveryImage(user)) return {};

  const released: Prisma.ImageWhereInput = { status: RELEASED_STATUS };
  if (!user.teamId) return released;

  return { OR: [{ teamId: user.teamId }, released] };
}

/** The same rule for one image already loaded. */
export function canSeeImage(
  user: Viewer,
  image: { teamId: string; status: string },
): boolean {
  if (seesEveryImage(user)) return true;

  return image.teamId === user.teamId || image.status === RELEASED_STATUS;
}

/**
 * Component versions an engineer of another team may not see: anything
 * before approval is still the owning team's work in progress.
 */
export const UNRELEASED_COMPONENT_STATUSES = [
  "draft",
  "submitted",
  "rejected",
] as const;

/** Whether a user may see a component version in the library. */
export function canSeeComponentVersion(
  user: Viewer,
  ownerTeamId: string,
  status: string,
): boolean {
  if (user.role !== "engineer" || user.teamId === ownerTeamId) return true;

  return !(UNRELEASED_COMPONENT_STATUSES as readonly string[]).includes(status);
}

/** Prisma filter matching canSeeComponentVersion, for queries. */
export function componentVersionVisibilityWhere(
  user: Viewer,
): Prisma.ComponentVersionWhereInput {
  if (user.role !== "engineer") return {};

  const released: Prisma.ComponentVersionWhereInput = {
    status: { notIn: [...UNRELEASED_COMPONENT_STATUSES] },
  };
  if (!user.teamId) return released;

  return { OR: [{ component: { ownerTeamId: user.teamId } }, released] };
}

function seesEveryImage(user: Viewer): boolean {
  return user.role !== "engineer";
}

/**
 * The SQL twin of imageVisibilityWhere for raw queries over `"Image" i`.
 * tests/integration/fleet-suite.ts checks that both admit the same images
 * for every role.
 */
export function visibleImageSql(user: Viewer): Prisma.Sql {
  if (seesEveryImage(user)) return Prisma.sql`TRUE`;

  // A literal, not a bind parameter, so the planner sees the constant.
  const released = Prisma.sql`i.status = ${Prisma.raw(`'${RELEASED_STATUS}'`)}`;
  if (!user.teamId) return released;

  return Prisma.sql`(i."teamId" = ${user.teamId} OR ${released})`;
}
