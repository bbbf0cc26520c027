import { LRUCache } from "lru-cache";

import type { OperationContext } from "./context";
import { findingsForImage } from "./findings";
import { instanceIdFor, outputAmis } from "./image-build";
import { imageProgress } from "./lifecycle";
import type { ImageRecord, Wire } from "./state-types";

export interface ScannedImage {
  image: ImageRecord;
  amiId: string;
  instanceId: string;
  observedAt: Date;
}

/**
 * The images Inspector has scanned: every AVAILABLE image with scanning
 * enabled, seen through the test instance launched from its home AMI.
 */
export function scannedImages(
  context: OperationContext,
  amiIds?: Set<string>,
): ScannedImage[] {
  const images = amiIds
    ? [...amiIds].flatMap((id) => imagesByAmi(context).get(id) ?? [])
    : context.state.images;

  return images.flatMap((image) => {
    if (!image.scanningEnabled) return [];
    const progress = imageProgress(image, context.now, context.stepSeconds);
    if (progress.status !== "AVAILABLE" || !progress.availableAt) return [];

    return [
      {
        image,
        amiId: homeAmi(image, context),
        instanceId: instanceIdFor(image.arn),
        observedAt: progress.availableAt,
      },
    ];
  });
}

/** Per state (and region and account), the images by their scanned AMI. */
const amiIndexes = new WeakMap<
  ImageRecord[],
  Map<string, Map<string, ImageRecord[]>>
>();

function imagesByAmi(context: OperationContext) {
  const images = context.state.images;
  const scope = `${context.region}|${context.accountId}`;
  const indexes = amiIndexes.get(images) ?? new Map();
  amiIndexes.set(images, indexes);
  const known = indexes.get(scope);
  if (known) return known;

  const index = new Map<string, ImageRecord[]>();
  for (const image of images) {
    const amiId = homeAmi(image, context);
    index.set(amiId, [...(index.get(amiId) ?? []), image]);
  }
  indexes.set(scope, index);

  return index;
}

const homeAmis = new LRUCache<string, string>({ max: 5_000 });

// LIMITATION: only the AMI in the emulator's own region and account is
// scanned; copies distributed elsewhere carry no findings.
/** The AMI Inspector scans: the one in the emulator's region and account. */
function homeAmi(image: ImageRecord, context: OperationContext): string {
  const key = [
    image.arn,
    image.createdAt,
    context.region,
    context.accountId,
  ].join("|");
  const known = homeAmis.get(key);
  if (known) return known;

  const amis = outputAmis(image, context);
  const home =
    amis.find(
      (ami) =>
        ami.region === context.region && ami.accountId === context.accountId,
    ) ?? amis[0];
  homeAmis.set(key, String(home.image));

  return String(home.image);
}

/** All findings of all scanned images, as ListFindings wire objects. */
export function allFindings(context: OperationContext): Wire[] {
  return scannedImages(context).flatMap((scanned) =>
    findingsOf(context, scanned),
  );
}

/** The findings of the scanned images whose AMI is one of `amiIds`. */
export function findingsOfAmis(
  context: OperationContext,
  amiIds: Set<string>,
): Wire[] {
  return scannedImages(context, amiIds).flatMap((scanned) =>
    findingsOf(context, scanned),
  );
}

/** The findings of each scanned image (those `only` keeps), by image. */
export function findingsByImage(
  context: OperationContext,
  only: (image: ImageRecord) => boolean = () => true,
) {
  const scanned = scannedImages(context).filter((s) => only(s.image));

  return scanned.map((scanned) => ({
    ...scanned,
    findings: findingsOf(context, scanned),
  }));
}

/**
 * A scanned image's findings never change (they follow from what the
 * image installed and the moment it became AVAILABLE), so each image's
 * are worked out once: every ListFindings page would otherwise work out
 * all of them again.
 */
const memo = new LRUCache<string, Wire[]>({ max: 5_000 });

function findingsOf(context: OperationContext, scanned: ScannedImage) {
  const key = [
    scanned.image.arn,
    scanned.amiId,
    scanned.observedAt.getTime(),
    context.accountId,
    context.region,
    scanned.image.osKey,
    scanned.image.osUpdated,
    JSON.stringify(scanned.image.installedPackages),
  ].join("|");
  const known = memo.get(key);
  if (known) return known;

  const findings = computeFindings(context, scanned);
  memo.set(key, findings);

  return findings;
}

function computeFindings(
  context: OperationContext,
  scanned: ScannedImage,
): Wire[] {
  return findingsForImage({
    amiId: scanned.amiId,
    instanceId: scanned.instanceId,
    accountId: context.accountId,
    region: context.region,
    osKey: scanned.image.osKey,
    installedPackages: scanned.image.installedPackages,
    osUpdated: scanned.image.osUpdated,
    observedAt: scanned.observedAt,
  });
}
