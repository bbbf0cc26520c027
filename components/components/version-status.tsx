import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = {
  draft: "slate",
  submitted: "amber",
  approved: "blue",
  rejected: "red",
  published: "green",
  deprecated: "orange",
};

export function VersionStatus({
  status,
  unpublished,
}: {
  status: string;
  /** Approved after review but not yet in Image Builder. */
  unpublished?: boolean;
}) {
  return (
    <Badge tone={TONE[status] ?? "slate"}>
      {status}
      {unpublished ? " · not published" : ""}
    </Badge>
  );
}
