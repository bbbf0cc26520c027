import { randomUUID } from "node:crypto";

import { query } from "./db";

export const ACCOUNT = "111122223333";

/** A fresh primary key for a row the test writes itself. */
export const rowId = (prefix: string) =>
  `${prefix}-${randomUUID().slice(0, 12)}`;

/** The recipe line (and one of its versions) an inserted image belongs to. */
export interface LineRef {
  id: string;
  name: string;
  teamId: string;
  goldenId: string;
  authorId: string;
  versionId: string;
}

/** The line of an image the portal built, to add builds beside it. */
export async function lineOf(imageId: string): Promise<LineRef> {
  const [row] = await query<LineRef>(
    `SELECT r.id, r.name, i."teamId", i."goldenImageId" AS "goldenId",
       i."createdById" AS "authorId", i."recipeVersionId" AS "versionId"
     FROM "Image" i JOIN "Recipe" r ON r.id = i."recipeId"
     WHERE i.id = $1`,
    [imageId],
  );

  return row;
}

/**
 * An image row with its status events, written straight into the database
 * (e.g. a FAILED build, which the emulator only gives for a component
 * whose step is `exit 1`).
 */
export async function insertImage(
  lineRef: LineRef,
  spec: {
    build: number;
    status: string;
    createdAt: Date;
    critical: number;
    high: number;
    awsState: string | null;
  },
): Promise<string> {
  const imageId = rowId("image");
  const scanned = spec.status === "AVAILABLE";
  await query(
    `INSERT INTO "Image" (id, arn, version, status, "buildType", "teamId",
       "recipeVersionId", "goldenImageId", "createdById", "infrastructureArn",
       "distributionArn", "createdAt", "updatedAt", "finishedAt",
       "findingsCollectedAt", critical, high, "recipeId", "awsState",
       "awsStateAt", "scanStatus", "statusReason")
     VALUES ($1, $2, $3, $4, 'USER_INITIATED', $5, $6, $7, $8, 'arn:infra',
       'arn:dist', $9, $9, $9, $10, $11, $12, $13, $14::text,
       CASE WHEN $14::text IS NULL THEN NULL ELSE now() END, $15, $16)`,
    [
      imageId,
      `arn:aws:imagebuilder:us-east-1:${ACCOUNT}:image/${lineRef.name}/1.0.0/${spec.build}`,
      `1.0.0/${spec.build}`,
      spec.status,
      lineRef.teamId,
      lineRef.versionId,
      lineRef.goldenId,
      lineRef.authorId,
      spec.createdAt,
      scanned ? spec.createdAt : null,
      spec.critical,
      spec.high,
      lineRef.id,
      spec.awsState,
      scanned ? "COMPLETED" : "ABANDONED",
      spec.status === "FAILED" ? "Step Explode failed" : null,
    ],
  );
  await query(
    `INSERT INTO "ImageStatusEvent" (id, "imageId", status, at)
     VALUES ($1, $3, 'PENDING', $4), ($2, $3, $5, $4)`,
    [rowId("ev"), rowId("ev"), imageId, spec.createdAt, spec.status],
  );

  return imageId;
}
