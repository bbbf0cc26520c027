import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import {
  latestPerComponent,
  usableComponentVersions,
} from "@/lib/components/catalog";
import { getGoldenImage } from "@/lib/queries/golden";
import { fitsTarget } from "@/lib/recipes/rules";
import { hasControlCharacters } from "@/lib/validations/problems";

import { Composer } from "./composer";

export const metadata: Metadata = { title: "Compose a recipe" };

export default async function ComposePage({
  params,
}: {
  params: Promise<{ slug: string }>;
}) {
  const user = await requirePageUser(["engineer", "admin"]);
  const { slug } = await params;
  if (hasControlCharacters(slug)) notFound();

  const golden = await getGoldenImage(slug);
  if (!golden) notFound();

  const palette = latestPerComponent(await usableComponentVersions());
  const mandatory = palette.filter(
    (component) => component.mandatory && fitsTarget(component, golden),
  );

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/golden" className="hover:text-slate-700">
            ← Golden AMIs
          </Link>
        }
        title={`Compose a recipe on ${golden.name}`}
        description={`${golden.osVersion} · ${golden.platform} · ${golden.architecture} · golden version ${golden.currentVersion}`}
      />
      <Composer
        golden={golden}
        palette={palette}
        initialItems={mandatory.map((component) => component.versionId)}
        team={user.teamSlug ?? "<your team>"}
      />
    </>
  );
}
