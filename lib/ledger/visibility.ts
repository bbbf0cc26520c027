import type { CurrentUser } from "../auth/session";
import type { Prisma } from "../generated/prisma/client";

// Placeholder until the ledger's version lands (same name and signature).

/**
 * Which images a user may see. Security, reviewers and admins see every
 * image; an engineer sees their own team's images and other teams'
 * released (AVAILABLE) ones, never their drafts.
 */
export function imageVisibilityWhere(user: CurrentUser): Prisma.ImageWhereInput {
  if (user.role !== "engineer") return {};
  if (!user.teamId) return { status: "AVAILABLE" };

  return { OR: [{ teamId: user.teamId }, { status: "AVAILABLE" }] };
}
