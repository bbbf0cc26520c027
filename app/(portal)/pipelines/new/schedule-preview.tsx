"use client";

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
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    dateStyle: "medium",
    timeStyle: "short",
  });

  return (
    <div className="text-xs text-slate-600">
      <p className="font-medium">Next runs ({timezone})</p>
      <ol className="mt-1 list-decimal pl-5" data-testid="next-runs">
        {runs.map((run) => (
          <li key={run.toISOString()}>
            {format.format(run)}{" "}
            <span className="text-slate-400">({run.toISOString()})</span>
          </li>
        ))}
      </ol>
      {runs.length === 0 && <p>The expression never fires again.</p>}
    </div>
  );
}
