import { NextResponse } from "next/server";

import { signInFirst } from "@/lib/auth/route";
import { currentUser } from "@/lib/auth/session";
import { imageFindingsExport } from "@/lib/findings/export";
import { badRequest } from "@/lib/route-errors";
import { readFindingsFilters } from "@/lib/validations/findings-filters";
import { readExportFormat } from "@/lib/validations/fleet";
import { hasControlCharacters } from "@/lib/validations/problems";

export const dynamic = "force-dynamic";

const TYPES = {
  csv: "text/csv; charset=utf-8",
  json: "application/json",
} as const;

/** The image page's findings, all pages, as CSV or JSON. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  const user = await currentUser();
  if (!user) return signInFirst();

  const search = new URL(request.url).searchParams;
  const { filters, problems } = readFindingsFilters(search);
  const { format, problems: formatProblems } = readExportFormat(
    Object.fromEntries(search),
  );
  if (problems.length || formatProblems.length) {
    return badRequest([...formatProblems, ...problems]);
  }
  const { id } = await params;
  const file = hasControlCharacters(id)
    ? null
    : await imageFindingsExport(user, id, filters, format);
  if (!file) {
    return NextResponse.json({ error: "No such image." }, { status: 404 });
  }

  return new NextResponse(file.body, {
    headers: {
      "content-type": TYPES[format],
      "content-disposition": `attachment; filename="${file.filename}"`,
    },
  });
}
