import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { inputClass } from "@/components/ui/field";
import { SideBySideDiff } from "@/components/components/side-by-side-diff";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { getComponentDetail } from "@/lib/components/library";
import { pathSegment } from "@/lib/validations/problems";

export const metadata: Metadata = { title: "Compare versions" };

export default async function DiffPage({
  params,
  searchParams,
}: {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const user = await requirePageUser();
  const { name } = await params;
  const { a, b } = await searchParams;
  const componentName = pathSegment(name);
  if (componentName === null) notFound();

  const component = await getComponentDetail(componentName, user);
  if (!component || component.versions.length === 0) notFound();

  const { versions } = component;
  const right = versions.find((v) => v.version === b) ?? versions[0];
  const left =
    versions.find((v) => v.version === a) ?? versions[1] ?? versions[0];

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/components/${component.name}`} className="hover:text-slate-700">
            ← {component.name}
          </Link>
        }
        title={`Compare versions of ${component.name}`}
      />
      <form method="get" className="mb-4 flex items-end gap-3">
        {[
          ["a", "Older", left.version],
          ["b", "Newer", right.version],
        ].map(([field, label, value]) => (
          <label key={field} className="text-xs font-medium text-slate-600">
            {label}
            <select name={field} defaultValue={value} className={inputClass(false)}>
              {versions.map((v) => (
                <option key={v.id} value={v.version}>
                  {v.version} ({v.status})
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className={buttonClass("secondary")}>
          Compare
        </button>
      </form>
      <SideBySideDiff
        before={left.document}
        after={right.document}
        leftTitle={`${left.version} · ${left.changeDescription}`}
        rightTitle={`${right.version} · ${right.changeDescription}`}
      />
    </>
  );
}
