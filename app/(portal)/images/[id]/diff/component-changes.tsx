import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ComponentChange } from "@/lib/fleet/diff-context";

const CHANGE: Record<ComponentChange["change"], { label: string; tone: BadgeTone }> = {
  added: { label: "Added", tone: "blue" },
  removed: { label: "Removed", tone: "red" },
  changed: { label: "New version", tone: "amber" },
  parameters: { label: "Parameters", tone: "amber" },
  same: { label: "Unchanged", tone: "slate" },
};

export function ComponentChanges({
  olderVersion,
  newerVersion,
  olderImage,
  newerImage,
  components,
}: {
  olderVersion: string;
  newerVersion: string;
  olderImage: string;
  newerImage: string;
  components: ComponentChange[];
}) {
  return (
    <Card>
      <CardHeader
        title="Recipe changes"
        description={
          <>
            Recipe <span className="font-mono">{olderVersion}</span> (image{" "}
            <span className="font-mono">{olderImage}</span>) →{" "}
            <span className="font-mono">{newerVersion}</span> (image{" "}
            <span className="font-mono">{newerImage}</span>)
          </>
        }
      />
      <ul className="divide-y divide-slate-100 text-sm" data-testid="component-changes">
        {components.map((component) => (
          <li key={component.name} className="flex items-center gap-3 px-5 py-2">
            <span className="w-24">
              <Badge tone={CHANGE[component.change].tone}>
                {CHANGE[component.change].label}
              </Badge>
            </span>
            <span className="font-medium">{component.name}</span>
            <span className="ml-auto font-mono text-xs text-slate-500">
              {component.change === "changed"
                ? `${component.older} → ${component.newer}`
                : (component.newer ?? component.older)}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
