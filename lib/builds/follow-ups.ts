import "server-only";

import { portalUrl } from "../env";
import type { Logger } from "../logger";
import {
  mailBuildFailed,
  mailFindingsDigest,
  mailImageAvailable,
} from "../mail/notify";
import { archiveFindingsReport } from "../reports/archive";

/**
 * What happens once a build changes state. Called by whoever made the
 * change (event, reconciler or page poll); mails are keyed per image, so
 * a second caller sends nothing. Failures are logged, never thrown: the
 * status change itself is already saved.
 */
export async function afterStatusChange(
  imageId: string,
  status: string,
  log: Logger,
): Promise<void> {
  try {
    if (status === "FAILED") await mailBuildFailed(imageId);
    if (status === "AVAILABLE") await mailImageAvailable(imageId);
  } catch (error) {
    log.error({ err: error, imageId, status }, "status follow-up failed");
  }
}

// LIMITATION: a follow-up that fails (SMTP down, S3 refused) is logged and
// recorded as a failed mail, but not retried.
/** Archives the scan's report and mails the critical/high digest. */
export async function afterFindingsCollected(
  imageId: string,
  log: Logger,
): Promise<void> {
  try {
    const { reportId, findings } = await archiveFindingsReport(imageId);
    await mailFindingsDigest(
      imageId,
      `${portalUrl()}/api/reports/${reportId}/csv`,
      findings,
    );
  } catch (error) {
    log.error({ err: error, imageId }, "findings follow-up failed");
  }
}
