import { NextResponse } from "next/server";

import { signInFirst } from "@/lib/auth/route";
import { currentUser } from "@/lib/auth/session";
import { diffImages, resolveAgainst } from "@/lib/fleet/diff";
import { DIFF_COLUMNS, exportResponse } from "@/lib/fleet/exports";
import { badRequest } from "@/lib/route-errors";
import { readExportFormat, searchRecord } from "@/lib/validations/fleet";
import { hasControlCharacters } from "@/lib/validations/problems";

export const dynamic = "force-dynamic";

/** The version diff as /images/[id]/diff shows it, with a group column. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
) {
  const user = await currentUser();
  if (!user) return signInFirst();

  const { id } = await params;
  const query = searchRecord(request.url);
  const { format, problems } = readExportFormat(query);
  if (problems.length) return badRequest(problems);
  if ([id, String(query.against ?? "")].some(hasControlCharacters)) {
    return NextResponse.json({ error: "No such image." }, { status: 404 });
  }
  const against = await resolveAgainst(user, id, query.against);
  const diff = against ? await diffImages(user, id, against) : null;
  if (!diff?.ok) {
    const error = diff?.problem ?? "No earlier scanned version to compare.";

    return NextResponse.json({ error }, { status: 404 });
  }

  const rows = (["new", "fixed", "carried"] as const).flatMap((group) =>
    diff.groups[group].map((row) => ({ ...row, group })),
  );
  const name = `diff-${diff.older.version}-${diff.newer.version}`;

  return exportResponse(
    format,
    name.replaceAll("/", "_"),
    DIFF_COLUMNS,
    rows,
  );
}
