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
export function scannedImages(context: OperationContext): ScannedImage[] {
  return context.state.images.flatMap((image) => {
    const progress = imageProgress(image, context.now, context.stepSeconds);
    if (progress.status !== "AVAILABLE" || !progress.availableAt) return [];
    if (!image.scanningEnabled) return [];
    // LIMITATION: only the AMI in the emulator's own region and account is
    // scanned; copies distributed elsewhere carry no findings.
    const amis = outputAmis(image, context);
    const home =
      amis.find(
        (ami) =>
          ami.region === context.region && ami.accountId === context.accountId,
      ) ?? amis[0];

    return [
      {
        image,
        amiId: String(home.image),
        instanceId: instanceIdFor(image.arn),
        observedAt: progress.availableAt,
      },
    ];
  });
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
  return scannedImages(context)
    .filter((scanned) => amiIds.has(scanned.amiId))
    .flatMap((scanned) => findingsOf(context, scanned));
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

function findingsOf(context: OperationContext, scanned: ScannedImage) {
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
