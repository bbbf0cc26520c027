import Link from "next/link";

import { VersionStatus } from "@/components/components/version-status";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ComponentDetail } from "@/lib/components/library";

export function VersionsTable({
  name,
  versions,
  selectedId,
}: {
  name: string;
  versions: ComponentDetail["versions"];
  selectedId?: string;
}) {
  return (
    <Card className="self-start">
      <CardHeader title="Versions" />
      <ul className="divide-y divide-slate-100" data-testid="versions">
        {versions.map((version) => (
          <li key={version.id}>
            <Link
              href={`/components/${name}?v=${version.version}`}
              aria-current={version.id === selectedId ? "true" : undefined}
              className={cn(
                "flex items-center justify-between gap-2 px-5 py-3 text-sm",
                version.id === selectedId
                  ? "bg-brand-50"
                  : "hover:bg-slate-50",
              )}
              data-testid={`version-${version.version}`}
            >
              <span>
                <span className="font-mono">{version.version}</span>
                <span className="block text-xs text-slate-500">
                  {version.createdBy?.name ?? "Seeded"} ·{" "}
                  {version.createdAt.toISOString().slice(0, 10)}
                </span>
              </span>
              <VersionStatus
                status={version.status}
                unpublished={
                  version.status === "approved" &&
                  !version.arn &&
                  version.submittedAt !== null
                }
              />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
