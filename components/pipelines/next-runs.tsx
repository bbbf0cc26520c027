/** Schedule matches in the pipeline's own time zone, with UTC beside. */
export function NextRuns({ runs, timezone }: { runs: Date[]; timezone: string }) {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    dateStyle: "medium",
    timeStyle: "short",
  });

  return (
    <ol className="list-decimal pl-5" data-testid="next-runs">
      {runs.map((run) => (
        <li key={run.toISOString()}>
          {format.format(run)}{" "}
          <span className="text-slate-400">({run.toISOString()})</span>
        </li>
      ))}
    </ol>
  );
}
