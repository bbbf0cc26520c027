import { Badge } from "@/components/ui/badge";

const LABELS: Record<string, { text: string; tone: "amber" | "slate" | "red" }> =
  {
    DEPRECATED: { text: "Deprecated in AWS", tone: "amber" },
    DISABLED: { text: "Disabled in AWS", tone: "slate" },
    DELETED: { text: "Deleted in AWS", tone: "red" },
  };

/** What Image Builder says of the image now; nothing while it is there. */
export function AwsStateBadge({ state }: { state: string | null }) {
  const label = state ? LABELS[state] : undefined;
  if (!label) return null;

  return (
    <Badge tone={label.tone}>
      <span data-testid="aws-state">{label.text}</span>
    </Badge>
  );
}
