import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = {
  AVAILABLE: "green",
  FAILED: "red",
  CANCELLED: "slate",
  DELETED: "slate",
  DEPRECATED: "amber",
  DISABLED: "slate",
};

export function StatusBadge({ status }: { status: string }) {
  const tone = TONE[status] ?? "blue";
  const running = tone === "blue";

  return (
    <Badge tone={tone}>
      {running && (
        <span className="size-1.5 animate-pulse rounded-full bg-brand-500" />
      )}
      {status}
    </Badge>
  );
}
