import "server-only";

import { prisma } from "../db";
import { isUniqueViolation } from "../db-errors";
import { nextRuns } from "./cron";

/** How long after a match Image Builder has to start the build. */
export const SKIP_GRACE_MS = 10 * 60 * 1000;
const MAX_MATCHES = 50;

/**
 * With the start condition "only when a dependency has a newer version"
 * Image Builder skips a match silently (no event, no image). A match that
 * passed the grace period without a scheduled build is recorded as
 * skipped, so the run history shows it. Returns how many were recorded.
 */
export async function recordSkippedMatches(now = new Date()): Promise<number> {
  const pipelines = await prisma.pipeline.findMany({
    where: {
      status: "ENABLED",
      scheduleExpression: { not: null },
      startCondition: "EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE",
    },
    select: {
      id: true,
      scheduleExpression: true,
      timezone: true,
      createdAt: true,
      skipsCheckedUntil: true,
    },
  });

  let recorded = 0;
  for (const pipeline of pipelines) {
    const from = pipeline.skipsCheckedUntil ?? pipeline.createdAt;
    const until = new Date(now.getTime() - SKIP_GRACE_MS);
    const matches = nextRuns(
      pipeline.scheduleExpression!,
      pipeline.timezone,
      MAX_MATCHES,
      from,
    ).filter((match) => match <= until);
    if (matches.length === 0) continue;

    for (const match of matches) {
      const built = await prisma.image.count({
        where: {
          pipelineId: pipeline.id,
          buildType: "SCHEDULED",
          createdAt: {
            gte: new Date(match.getTime() - 60_000),
            lte: new Date(match.getTime() + SKIP_GRACE_MS),
          },
        },
      });
      if (built > 0) continue;

      try {
        await prisma.pipelineSkip.create({
          data: {
            pipelineId: pipeline.id,
            scheduledFor: match,
            reason: "skipped: no updates",
          },
        });
        recorded += 1;
      } catch (error) {
        // Another instance recorded it first.
        if (!isUniqueViolation(error)) throw error;
      }
    }
    await prisma.pipeline.update({
      where: { id: pipeline.id },
      data: { skipsCheckedUntil: matches[matches.length - 1] },
    });
  }

  return recorded;
}
