import type { CurrentUser } from "../auth/session";
import type { Prisma } from "../generated/prisma/client";

// Minimal stand-in until the ledger's version lands (same name and
// signature; the ledger's copy wins at merge).

/**
 * Security, reviewers and admins see every image. An engineer sees every
 * image of their own team and, of other teams, only released ones.
 */
export function imageVisibilityWhere(
  user: Pick<CurrentUser, "role" | "teamId">,
): Prisma.ImageWhereInput {
  if (user.role !== "engineer") return {};

  return {
    OR: [
      ...(user.teamId ? [{ teamId: user.teamId }] : []),
      { status: "AVAILABLE" },
    ],
  };
}
