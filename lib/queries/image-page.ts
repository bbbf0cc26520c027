import "server-only";

import type { CurrentUser } from "../auth/session";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import {
  findingsPage,
  NETWORK_FINDINGS_ARGS,
  networkRows,
} from "../findings/queries";
import { LEDGER_RECORD_SELECT } from "../ledger/image-record";
import { imageVisibilityWhere } from "../ledger/visibility";
import type { FindingsFilters } from "../validations/findings-filters";
import { IMAGE_DETAIL_SELECT } from "./images";

const detail = IMAGE_DETAIL_SELECT;
const ledger = LEDGER_RECORD_SELECT;

/**
 * getImage's and getLedgerRecord's selects in one (the ledger's side is
 * the wider one wherever both read a relation), plus the network findings
 * and archived reports: the whole image, one statement.
 */
const IMAGE_PAGE_SELECT = {
  ...detail,
  ...ledger,
  goldenImage: {
    select: { ...detail.goldenImage.select, ...ledger.goldenImage.select },
  },
  recipeVersion: {
    select: { ...detail.recipeVersion.select, ...ledger.recipeVersion.select },
  },
  findings: NETWORK_FINDINGS_ARGS,
  reports: { orderBy: { createdAt: "desc" } },
} satisfies Prisma.ImageSelect;

/**
 * Everything the image page (/images/[id]) shows, or null when the image
 * does not exist or the user may not see it: the image (with what
 * getImage, getLedgerRecord, listNetworkFindings and listImageReports
 * read) and the findings page, in parallel. The findings of a hidden
 * image are read but dropped.
 */
export async function getImagePage(
  user: CurrentUser,
  id: string,
  filters: FindingsFilters,
) {
  const [image, findings] = await Promise.all([
    prisma.image.findFirst({
      relationLoadStrategy: "join",
      where: { id, ...imageVisibilityWhere(user) },
      select: IMAGE_PAGE_SELECT,
    }),
    findingsPage(id, filters),
  ]);
  if (!image) return null;

  const { findings: network, reports, ...rest } = image;
  const collected = image.findingsCollectedAt !== null;

  return {
    image: rest,
    record: rest,
    findings,
    network: collected ? networkRows(network) : [],
    reports,
  };
}

export type ImagePage = NonNullable<Awaited<ReturnType<typeof getImagePage>>>;
