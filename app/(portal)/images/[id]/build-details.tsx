import { Card, CardHeader } from "@/components/ui/card";
import type { LedgerRecord } from "@/lib/ledger/image-record";
import type { ImageDetail } from "@/lib/queries/images";

import { RecipeSnapshot } from "./recipe-snapshot";

const time = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function BuildDetails({
  image,
  record,
}: {
  image: ImageDetail;
  record: LedgerRecord;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <RecipeSnapshot
        recipeName={image.recipeVersion.recipe.name}
        record={record}
      />
      <Card>
        <CardHeader title="Status history" />
        <ol
          className="space-y-0 px-5 py-3 text-sm"
          data-testid="status-history"
        >
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
