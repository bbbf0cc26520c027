import { NextResponse } from "next/server";

import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness plus a database round trip, for load balancers and tests. */
export async function GET() {
  await prisma.$queryRaw`SELECT 1`;

  return NextResponse.json({ ok: true });
}
