import { NextResponse } from "next/server";

import { signInFirst } from "@/lib/auth/route";
import { currentUser } from "@/lib/auth/session";
import { awsUserFacingError } from "@/lib/aws/errors";
import { syncImage } from "@/lib/builds/sync-image";
import { prisma } from "@/lib/db";
import { isUserFacing } from "@/lib/errors";
import { imageVisibilityWhere } from "@/lib/ledger/visibility";
import { logger } from "@/lib/logger";
import { hasControlCharacters } from "@/lib/validations/problems";

export const dynamic = "force-dynamic";

const log = logger.child({ route: "image-status" });

/** Syncs one image with AWS and returns where it stands, for live pages. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  const user = await currentUser();
  if (!user) return signInFirst();

  const { id } = await params;
  if (hasControlCharacters(id)) {
    return NextResponse.json({ error: "No such image." }, { status: 404 });
  }
  const where = { id, ...imageVisibilityWhere(user) };
  if ((await prisma.image.count({ where })) === 0) {
    return NextResponse.json({ error: "No such image." }, { status: 404 });
  }

  let syncError: string | null = null;
  try {
    await syncImage(id, log);
  } catch (error) {
    const known = isUserFacing(error)
      ? error
      : awsUserFacingError(error, "checking the build");
    log.warn({ err: error, imageId: id }, "sync failed");
    syncError = known?.message ?? "Could not check the build right now.";
  }

  const image = await prisma.image.findFirst({
    where,
    select: { status: true, findingsCollectedAt: true },
  });
  if (!image) {
    return NextResponse.json({ error: "No such image." }, { status: 404 });
  }

  return NextResponse.json({
    status: image.status,
    findingsCollected: image.findingsCollectedAt !== null,
    syncError,
  });
}
