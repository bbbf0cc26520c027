import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { ImageDetail } from "@/lib/queries/images";

const time = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function BuildDetails({ image }: { image: ImageDetail }) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader
          title="Recipe"
          description={`${image.recipeVersion.recipe.name} ${image.recipeVersion.version} on ${image.goldenImage.parentImage}`}
        />
        <ol className="divide-y divide-slate-100 text-sm">
          {image.recipeVersion.components.map((item, index) => {
            const parameters = Object.entries(
              item.parameters as Record<string, string>,
            );

            return (
              <li key={index} className="px-5 py-2.5">
                <div className="flex items-center gap-2">
                  <span className="w-5 text-xs text-slate-400">{index + 1}</span>
                  <span className="font-medium">
                    {item.componentVersion.component.name}
                  </span>
                  <span className="font-mono text-xs text-slate-500">
                    {item.componentVersion.version}
                  </span>
                  {item.componentVersion.component.type === "TEST" && (
                    <Badge tone="purple">Test</Badge>
                  )}
                </div>
                {parameters.length > 0 && (
                  <p className="mt-0.5 pl-7 font-mono text-xs text-slate-500">
                    {parameters.map(([key, value]) => `${key}=${value}`).join("  ")}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      </Card>
      <Card>
        <CardHeader title="Status history" />
        <ol className="space-y-0 px-5 py-3 text-sm" data-testid="status-history">
          {image.events.map((event, index) => (
            <li key={index} className="flex gap-3 py-1">
              <span className="w-44 shrink-0 text-xs text-slate-500 tabular-nums">
                {time.format(event.at)} UTC
              </span>
              <span className="font-medium">{event.status}</span>
              {event.reason && (
                <span className="text-xs text-red-700">{event.reason}</span>
              )}
            </li>
          ))}
        </ol>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 border-t border-slate-100 px-5 py-3 text-xs">
          <dt className="text-slate-500">Image ARN</dt>
          <dd className="font-mono break-all">{image.arn}</dd>
          <dt className="text-slate-500">Recipe ARN</dt>
          <dd className="font-mono break-all">{image.recipeVersion.arn}</dd>
          <dt className="text-slate-500">Build type</dt>
          <dd>{image.buildType}</dd>
          <dt className="text-slate-500">Scan</dt>
          <dd>{image.scanStatus ?? "—"}</dd>
        </dl>
      </Card>
    </div>
  );
}
