import { createHash } from "node:crypto";

import type pg from "pg";

import type { LinePlan } from "./generate";
import { insertRows } from "./rows";

export const DAY = 86_400_000;
export const ACCOUNT = "111122223333";
const STAGES = ["PENDING", "CREATING", "BUILDING", "TESTING", "DISTRIBUTING"];

export interface ImagePlan {
  id: string;
  line: LinePlan & { recipeId: string };
  rel: number;
  status: string;
  createdAt: Date;
  findings: number;
  cves?: number[];
}

export interface BaseRows {
  goldens: string[];
  components: string[];
}

/** Images with their AMIs (AVAILABLE ones) and status history. */
export async function seedImageRows(
  client: pg.ClientBase,
  images: ImagePlan[],
  base: BaseRows,
) {
  await insertRows(
    client,
    "Image",
    IMAGE_COLUMNS,
    images.map((image) => imageRow(image, base)),
  );
  await insertRows(
    client,
    "ImageAmi",
    ["id", "imageId", "region", "accountId", "amiId", "name"],
    images
      .filter((image) => image.status === "AVAILABLE")
      .flatMap((image) =>
        ["us-east-1", "eu-west-1"].map((region, r) => [
          `bam-${image.id}-${r}`,
          image.id,
          region,
          ACCOUNT,
          amiId(image.id, r),
          `${image.line.name}-${versionOf(image)}`,
        ]),
      ),
  );
  await insertRows(
    client,
    "ImageStatusEvent",
    ["id", "imageId", "status", "reason", "at"],
    images.flatMap(statusEvents),
  );
}

const IMAGE_COLUMNS = [
  "id", "arn", "version", "status", "statusReason", "buildType", "teamId",
  "recipeVersionId", "goldenImageId", "createdById", "infrastructureArn",
  "distributionArn", "scanStatus", "createdAt", "updatedAt", "finishedAt",
  "lastSyncedAt", "findingsCollectedAt", "recipeId", "awsState",
  "awsStateAt",
];

function imageRow(image: ImagePlan, base: BaseRows) {
  const done = image.status !== "BUILDING";
  const finished = new Date(image.createdAt.getTime() + 3_600_000);
  const scanned = image.status === "AVAILABLE";
  const ageDays = (Date.now() - image.createdAt.getTime()) / DAY;
  const awsState = scanned && ageDays > 500 ? "DELETED" : null;
  const arnBase = `arn:aws:imagebuilder:us-east-1:${ACCOUNT}`;

  return [
    image.id,
    `${arnBase}:image/${image.line.name}/${versionOf(image)}/1`,
    `${versionOf(image)}/1`,
    image.status,
    image.status === "FAILED" ? "Step HardenSsh failed (exit 1)." : null,
    "USER_INITIATED",
    image.line.team,
    `brv-${image.id}`,
    base.goldens[image.line.golden],
    userOf(image),
    `${arnBase}:infrastructure-configuration/ccoe-default`,
    `${arnBase}:distribution-configuration/ccoe-default`,
    scanned ? "COMPLETED" : null,
    image.createdAt,
    done ? finished : image.createdAt,
    done ? finished : null,
    finished,
    scanned ? new Date(finished.getTime() + 600_000) : null,
    image.line.recipeId,
    awsState,
    awsState ? new Date(finished.getTime() + 400 * DAY) : null,
  ];
}

function statusEvents(image: ImagePlan) {
  const reached =
    image.status === "AVAILABLE"
      ? [...STAGES, "INTEGRATING", "AVAILABLE"]
      : image.status === "BUILDING"
        ? STAGES.slice(0, 3)
        : [...STAGES.slice(0, 3), image.status];

  return reached.map((status, i) => [
    `bse-${image.id}-${i}`,
    image.id,
    status,
    status === "FAILED" ? "Step HardenSsh failed (exit 1)." : null,
    new Date(image.createdAt.getTime() + i * 480_000),
  ]);
}

export function versionOf(image: ImagePlan): string {
  return image.cves
    ? `2.${image.rel}.0`
    : `1.${Math.floor(image.rel / 10)}.${image.rel % 10}`;
}

export function userOf(image: ImagePlan): string {
  return `bu-${image.line.team}`;
}

function amiId(imageId: string, region: number): string {
  const digest = createHash("md5").update(`${imageId}/${region}`);

  return `ami-0${digest.digest("hex").slice(0, 16)}`;
}
