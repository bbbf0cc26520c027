import { findingsForImage } from "../../lib/aws/emulator/findings";
import { instanceIdFor } from "../../lib/aws/emulator/image-build";
import { packageEffects } from "../../lib/aws/emulator/package-effects";
import type { OsKey } from "../../lib/aws/emulator/base-images";

export interface ScanInput {
  imageArn: string;
  amiId: string;
  accountId: string;
  region: string;
  osKey: OsKey;
  /** The AWSTOE documents of the recipe's components, in order. */
  documents: string[];
  scannedAt: Date;
}

/**
 * The Inspector findings the local emulator reports for a build of these
 * components on this OS: the same packages its builds install, the same
 * advisories and the same wire shape.
 */
export function historyFindings(input: ScanInput): unknown[] {
  const effects = input.documents.map((document) => packageEffects(document));
  const installed = new Set(effects.flatMap((effect) => effect.installs));

  return findingsForImage({
    amiId: input.amiId,
    instanceId: instanceIdFor(input.imageArn),
    accountId: input.accountId,
    region: input.region,
    osKey: input.osKey,
    installedPackages: [...installed].sort(),
    osUpdated: effects.some((effect) => effect.updatesOs),
    observedAt: input.scannedAt,
  });
}
