import { NextResponse } from "next/server";

import { signInFirst } from "@/lib/auth/route";
import { currentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { canSeeImage } from "@/lib/ledger/visibility";
import { logger } from "@/lib/logger";
import { readReport } from "@/lib/reports/storage";
import { hasControlCharacters } from "@/lib/validations/problems";

export const dynamic = "force-dynamic";

const FORMATS = {
  json: { type: "application/json", field: "jsonUri" },
  csv: { type: "text/csv; charset=utf-8", field: "csvUri" },
} as const;

/** Downloads an archived findings report of an image the user may see. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; format: string }> },
) {
  const user = await currentUser();
  if (!user) return signInFirst();

  const { id, format } = await params;
  const kind = FORMATS[format as keyof typeof FORMATS];
  const report =
    kind && !hasControlCharacters(id)
      ? await prisma.findingsReport.findUnique({
          where: { id },
          include: {
            image: { select: { version: true, teamId: true, status: true } },
          },
        })
      : null;
  if (!kind || !report || !canSeeImage(user, report.image)) {
    return NextResponse.json({ error: "No such report." }, { status: 404 });
  }

  try {
    const body = await readReport(report[kind.field]);
    const name = `findings-${report.image.version.replace("/", "-")}.${format}`;

    return new NextResponse(new Uint8Array(body), {
      headers: {
        "content-type": kind.type,
        "content-disposition": `attachment; filename="${name}"`,
      },
    });
  } catch (error) {
    logger.error({ err: error, reportId: id }, "report read failed");
    return NextResponse.json({ error: "Report unavailable." }, { status: 500 });
  }
}
