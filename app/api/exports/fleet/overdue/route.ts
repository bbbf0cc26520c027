import { NextResponse } from "next/server";

import { requireUser } from "@/lib/auth/session";
import { exportResponse, OVERDUE_COLUMNS } from "@/lib/fleet/exports";
import { overdueFixes } from "@/lib/fleet/queries";
import {
  parseExportFormat,
  parseFleetParams,
  searchRecord,
} from "@/lib/validations/fleet";

export const dynamic = "force-dynamic";

/** The fleet dashboard's overdue-fix list, as /security shows it. */
export async function GET(request: Request) {
  const user = await requireUser().catch(() => null);
  if (!user) {
    return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  }

  const params = searchRecord(request.url);
  const { days } = parseFleetParams(params);
  const overdue = await overdueFixes(user, days);

  return exportResponse(
    parseExportFormat(params),
    `fleet-overdue-${days}d`,
    OVERDUE_COLUMNS,
    overdue.rows,
  );
}
