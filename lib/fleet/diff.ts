import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import { imageVisibilityWhere } from "../ledger/visibility";
import { hasControlCharacters } from "../validations/problems";
import {
  diffFindings,
  type DiffInput,
  type FindingsDiff,
} from "./diff-findings";
import { ACTIVE_CVE_SQL } from "./scope";

// The version diff of two images of one line: one query for both images,
// one for both images' active CVEs, then a Map in memory.

const SIDE_SELECT = {
  id: true,
  recipeId: true,
  recipeVersionId: true,
  version: true,
  status: true,
  createdAt: true,
  findingsCollectedAt: true,
} as const;

export interface DiffSide {
  id: string;
  recipeId: string;
  recipeVersionId: string;
  version: string;
  status: string;
  createdAt: Date;
}

export type ImageDiff =
  | {
      ok: true;
      older: DiffSide;
      newer: DiffSide;
      groups: FindingsDiff;
      counts: { new: number; fixed: number; carried: number };
    }
  | { ok: false; problem: string };

/**
 * New, fixed and carried CVEs between two visible, scanned images of the
 * same line; "new" means in the newer image (by creation) only.
 */
export async function diffImages(
  user: CurrentUser,
  imageId: string,
  againstId: string,
): Promise<ImageDiff> {
  if (imageId === againstId) {
    return { ok: false, problem: "Pick another version to compare with." };
  }

  const images = await prisma.image.findMany({
    where: { AND: [{ id: { in: [imageId, againstId] } }, imageVisibilityWhere(user)] },
    select: SIDE_SELECT,
  });
  const image = images.find((candidate) => candidate.id === imageId);
  const against = images.find((candidate) => candidate.id === againstId);
  const problem = sideProblem(image, against);
  if (problem || !image || !against) {
    return { ok: false, problem: problem ?? "Image not found." };
  }

  const [older, newer] =
    against.createdAt <= image.createdAt ? [against, image] : [image, against];
  const findings = await prisma.$queryRaw<(DiffInput & { imageId: string })[]>`
    SELECT f."imageId", f."vulnerabilityId", f."packageName",
      f."installedVersion", f."fixedInVersion", f.severity, f."inspectorScore"
    FROM "Finding" f
    WHERE f."imageId" IN (${older.id}, ${newer.id}) AND ${ACTIVE_CVE_SQL}`;
  const split = (id: string): DiffInput[] =>
    findings.filter((finding) => finding.imageId === id);
  const groups = diffFindings(split(older.id), split(newer.id));

  return {
    ok: true,
    older: strip(older),
    newer: strip(newer),
    groups,
    counts: {
      new: groups.new.length,
      fixed: groups.fixed.length,
      carried: groups.carried.length,
    },
  };
}

/**
 * The closest earlier scanned image of the same line the user can see;
 * an unscanned build (failed, cancelled) has nothing to compare.
 */
export async function previousImageId(
  user: CurrentUser,
  image: { recipeId: string; createdAt: Date; id: string },
): Promise<string | null> {
  const previous = await prisma.image.findFirst({
    where: {
      AND: [
        imageVisibilityWhere(user),
        {
          recipeId: image.recipeId,
          id: { not: image.id },
          createdAt: { lte: image.createdAt },
          findingsCollectedAt: { not: null },
        },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true },
  });

  return previous?.id ?? null;
}

/** `against` from the URL, or the image's previous scanned version. */
export async function resolveAgainst(
  user: CurrentUser,
  imageId: string,
  against: string | string[] | undefined,
): Promise<string | null> {
  const chosen = Array.isArray(against) ? against[0] : against;
  if ([imageId, chosen ?? ""].some(hasControlCharacters)) return null;
  if (chosen) return chosen;

  const image = await prisma.image.findFirst({
    where: { AND: [{ id: imageId }, imageVisibilityWhere(user)] },
    select: { id: true, recipeId: true, createdAt: true },
  });

  return image ? previousImageId(user, image) : null;
}

type Side = {
  recipeId: string;
  findingsCollectedAt: Date | null;
  version: string;
};

function sideProblem(image?: Side, against?: Side): string | null {
  if (!image) return "Image not found.";
  if (!against) {
    return "The version to compare with was not found or you cannot see it.";
  }
  if (image.recipeId !== against.recipeId) {
    return "Both images must be versions of the same image line.";
  }
  for (const side of [image, against]) {
    if (!side.findingsCollectedAt) {
      return `Image ${side.version} has no scan results to compare.`;
    }
  }

  return null;
}

function strip(image: DiffSide & { findingsCollectedAt: Date | null }) {
  const { findingsCollectedAt: _collected, ...side } = image;

  return side;
}
