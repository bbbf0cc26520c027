const WHAT: Record<string, string> = {
  DEPRECATED: "Deprecated in AWS",
  DISABLED: "Disabled in AWS",
  DELETED: "Deleted in AWS",
};

const day = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** Says when Image Builder stopped offering the image; the row stays. */
export function AwsStateNotice({
  state,
  at,
}: {
  state: string | null;
  at: Date | null;
}) {
  if (!state || !WHAT[state]) return null;

  return (
    <p
      role="status"
      data-testid="aws-state-notice"
      className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <strong>{WHAT[state]}</strong>
      {at ? ` on ${day.format(at)} UTC` : ""}; the portal keeps this record,
      its AMI ids and its findings.
    </p>
  );
}
