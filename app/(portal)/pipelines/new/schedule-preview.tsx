"use client";

import { NextRuns } from "@/components/pipelines/next-runs";
import { checkSchedule, isTimeZone, nextRuns } from "@/lib/pipelines/cron";

/** The next five runs, or why the expression is refused, as you type. */
export function SchedulePreview({
  expression,
  timezone,
}: {
  expression: string;
  timezone: string;
}) {
  const check = checkSchedule(expression);
  if (!check.ok) {
    return (
      <p className="text-xs text-red-700" data-testid="schedule-problem">
        {check.reason}
      </p>
    );
  }
  if (!isTimeZone(timezone)) {
    return (
      <p className="text-xs text-red-700" data-testid="schedule-problem">
        Unknown time zone {timezone}.
      </p>
    );
  }

  const runs = nextRuns(expression, timezone, 5, new Date());

  return (
    <div className="text-xs text-slate-600">
      <p className="font-medium">Next runs ({timezone})</p>
      <div className="mt-1">
        <NextRuns runs={runs} timezone={timezone} />
      </div>
      {runs.length === 0 && <p>The expression never fires again.</p>}
    </div>
  );
}
