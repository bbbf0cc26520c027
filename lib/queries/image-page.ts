import "server-only";

import type { CurrentUser } from "../auth/session";
import { listImageFindings, listNetworkFindings } from "../findings/queries";
import { getLedgerRecord } from "../ledger/image-record";
import type { FindingsFilters } from "../validations/findings-filters";
import { getImage } from "./images";
import { listImageReports } from "./pipelines";

/**
 * Everything the image page (/images/[id]) shows, or null when the image
 * does not exist or the user may not see it. The reads are independent,
 * so they go out together; none returns anything of a hidden image to
 * the caller.
 */
export async function getImagePage(
  user: CurrentUser,
  id: string,
  filters: FindingsFilters,
) {
  const [image, findings, record, network, reports] = await Promise.all([
    getImage(id, user),
    listImageFindings(user, id, filters),
    getLedgerRecord(id),
    listNetworkFindings(id),
    listImageReports(id),
  ]);
  if (!image || !findings || !record) return null;

  const collected = image.findingsCollectedAt !== null;

  return {
    image,
    findings,
    record,
    network: collected ? network : [],
    reports,
  };
}

export type ImagePage = NonNullable<Awaited<ReturnType<typeof getImagePage>>>;
