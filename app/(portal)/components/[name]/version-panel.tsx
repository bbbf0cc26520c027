import Link from "next/link";

import { VersionStatus } from "@/components/components/version-status";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { ComponentDetail } from "@/lib/components/library";
import type { versionUsage } from "@/lib/components/library";

import { VersionActions, type VersionActionFlags } from "./version-actions";

type Version = ComponentDetail["versions"][number];
type Usage = Awaited<ReturnType<typeof versionUsage>>;

export function VersionPanel({
  componentName,
  version,
  usage,
  flags,
}: {
  componentName: string;
  version: Version;
  usage: Usage;
  flags: VersionActionFlags;
}) {
  return (
    <Card data-testid="version-panel">
      <CardHeader
        title={
          <span className="flex items-center gap-2">
            Version <span className="font-mono">{version.version}</span>
            <VersionStatus status={version.status} unpublished={flags.unpublished} />
          </span>
        }
        description={version.changeDescription}
        actions={
          version.status === "draft" &&
          flags.canAuthor && (
            <Link
              href={`/components/${componentName}/versions/${version.version}/edit`}
              className={buttonClass("secondary", "sm")}
            >
              Edit draft
            </Link>
          )
        }
      />
      <div className="space-y-5 px-5 py-4">
        <Facts version={version} />
        <VersionActions flags={flags} />
        <Parameters parameters={version.parameters} />
        <section>
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Document</h3>
          <pre
            className="max-h-[32rem] overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100"
            data-testid="version-document"
          >
            {version.document}
          </pre>
        </section>
        <UsageList usage={usage} />
      </div>
    </Card>
  );
}

function Facts({ version }: { version: Version }) {
  const rows: [string, React.ReactNode][] = [
    ["Author", version.createdBy?.name ?? "Seeded by the portal"],
  ];
  if (version.submittedAt) {
    rows.push(["Submitted", version.submittedAt.toISOString()]);
  }
  if (version.reviewedBy) {
    rows.push(["Reviewed by", version.reviewedBy.name]);
  }
  if (version.reviewComment) {
    rows.push(["Review comment", version.reviewComment]);
  }
  if (version.arn) rows.push(["Image Builder ARN", version.arn]);
  if (version.publishError) {
    rows.push([
      "Publish failed",
      <span key="e" className="text-red-700">{version.publishError}</span>,
    ]);
  }
  if (version.deprecationNote) {
    rows.push(["Deprecated", version.deprecationNote]);
  }

  return (
    <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm" data-testid="version-facts">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-all text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Parameters({ parameters }: { parameters: Version["parameters"] }) {
  return (
    <section>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">
        Declared parameters
      </h3>
      {parameters.length === 0 ? (
        <p className="text-sm text-slate-500">None.</p>
      ) : (
        <table className="w-full text-sm" data-testid="parameters">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>Type</th>
              <th>Default</th>
              <th>Allowed values</th>
              <th>Description</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((p) => (
              <tr key={p.name} className="border-t border-slate-100">
                <td className="py-1 font-mono text-xs">{p.name}</td>
                <td>{p.type}</td>
                <td>{p.required ? "required" : JSON.stringify(p.defaultValue)}</td>
                <td>{p.allowedValues?.join(", ") ?? "any"}</td>
                <td className="text-slate-600">{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function UsageList({ usage }: { usage: Usage }) {
  return (
    <section>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">Used by</h3>
      {usage.length === 0 ? (
        <p className="text-sm text-slate-500">No recipe uses this version.</p>
      ) : (
        <ul className="space-y-2 text-sm" data-testid="usage">
          {usage.map((recipe) => (
            <li key={recipe.id}>
              <span className="font-medium">{recipe.recipe.name}</span>{" "}
              <span className="font-mono text-xs">{recipe.version}</span>{" "}
              <span className="text-slate-500">({recipe.recipe.team.name})</span>
              {recipe.images.length > 0 && (
                <span className="ml-2">
                  images:{" "}
                  {recipe.images.map((image) => (
                    <Link
                      key={image.id}
                      href={`/images/${image.id}`}
                      className="mr-2 text-brand-700 hover:underline"
                    >
                      {image.version} {image.status}
                    </Link>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
