import { NextResponse } from "next/server";

import { requireUser } from "@/lib/auth/session";
import { CVE_COLUMNS, exportResponse } from "@/lib/fleet/exports";
import { topCves } from "@/lib/fleet/queries";
import {
  parseExportFormat,
  parseFleetParams,
  searchRecord,
} from "@/lib/validations/fleet";

export const dynamic = "force-dynamic";

/** The fleet dashboard's CVE list, as /security shows it. */
export async function GET(request: Request) {
  const user = await requireUser().catch(() => null);
  if (!user) {
    return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  }

  const params = searchRecord(request.url);
  const rows = await topCves(user, parseFleetParams(params).cves);

  return exportResponse(
    parseExportFormat(params),
    "fleet-cves",
    CVE_COLUMNS,
    rows,
  );
}
