import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { LedgerRecord } from "@/lib/ledger/image-record";

const day = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeZone: "UTC",
});

/** The recipe as built: components in order, values, and approvals. */
export function RecipeSnapshot({
  recipeName,
  record,
}: {
  recipeName: string;
  record: LedgerRecord;
}) {
  const recipe = record.recipeVersion;

  return (
    <Card>
      <CardHeader
        title="Recipe snapshot"
        description={`${recipeName} ${recipe.version}, created by ${recipe.createdBy.name}${recipe.description ? ` · ${recipe.description}` : ""}`}
      />
      <ol
        className="divide-y divide-slate-100 text-sm"
        data-testid="recipe-snapshot"
      >
        {recipe.components.map((item, index) => (
          <ComponentLine key={item.position} index={index} item={item} />
        ))}
      </ol>
    </Card>
  );
}

type Item = LedgerRecord["recipeVersion"]["components"][number];

function ComponentLine({ index, item }: { index: number; item: Item }) {
  const version = item.componentVersion;
  const parameters = Object.entries(item.parameters as Record<string, string>);

  return (
    <li className="px-5 py-2.5">
      <div className="flex flex-wrap items-center gap-2">
        <span className="w-5 text-xs text-slate-400">{index + 1}</span>
        <span className="font-medium">{version.component.name}</span>
        <span className="font-mono text-xs text-slate-500">
          {version.version}
        </span>
        {version.component.type === "TEST" && <Badge tone="purple">Test</Badge>}
        {version.status === "deprecated" && (
          <Badge tone="amber">Deprecated</Badge>
        )}
      </div>
      {parameters.length > 0 && (
        <p className="mt-0.5 pl-7 font-mono text-xs text-slate-500">
          {parameters.map(([key, value]) => `${key}=${value}`).join("  ")}
        </p>
      )}
      <p className="mt-0.5 pl-7 text-xs text-slate-500" data-testid="approval">
        {version.reviewedBy
          ? `Approved by ${version.reviewedBy.name}${version.reviewedAt ? ` on ${day.format(version.reviewedAt)}` : ""}`
          : "Seeded by the CCOE (no review in the portal)"}
        {version.publishedAt &&
          ` · published ${day.format(version.publishedAt)}`}
      </p>
      {version.arn && (
        <p className="pl-7 font-mono text-[11px] break-all text-slate-400">
          {version.arn}
        </p>
      )}
    </li>
  );
}
