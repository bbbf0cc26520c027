import { Card, CardHeader } from "@/components/ui/card";
import type {
  ComponentDetail,
  componentHistory,
} from "@/lib/components/library";

type Entry = Awaited<ReturnType<typeof componentHistory>>[number];

/** Every transition: who, when, what, from which state to which. */
export function History({
  entries,
  versions,
  componentId,
}: {
  entries: Entry[];
  versions: ComponentDetail["versions"];
  componentId: string;
}) {
  const versionOf = new Map(versions.map((v) => [v.id, v.version]));

  return (
    <Card className="mt-6">
      <CardHeader title="History" />
      <table className="w-full text-sm" data-testid="history">
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="px-5 py-2">When</th>
            <th>Who</th>
            <th>What</th>
            <th>Version</th>
            <th>From → to</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const details = (entry.details ?? {}) as Record<string, unknown>;

            return (
              <tr key={entry.id} className="border-t border-slate-100">
                <td className="px-5 py-1.5 text-xs text-slate-500">
                  {entry.at.toISOString().replace("T", " ").slice(0, 19)}
                </td>
                <td>{entry.actor?.name ?? "system"}</td>
                <td>{entry.action}</td>
                <td className="font-mono text-xs">
                  {entry.entityId === componentId
                    ? "—"
                    : versionOf.get(entry.entityId ?? "")}
                </td>
                <td>
                  {"to" in details
                    ? `${String(details.from ?? "new")} → ${String(details.to)}`
                    : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}
