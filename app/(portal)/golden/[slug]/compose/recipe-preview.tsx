"use client";

import { Card } from "@/components/ui/card";
import { recipeRequest } from "@/lib/recipes/recipe-request";
import type { CatalogComponent, RecipeDraft } from "@/lib/recipes/rules";

import type { GoldenSummary } from "./composer";

export function RecipePreview({
  draft,
  golden,
  catalog,
  team,
}: {
  draft: RecipeDraft;
  golden: GoldenSummary;
  catalog: ReadonlyMap<string, CatalogComponent>;
  team: string;
}) {
  const request = recipeRequest(draft, golden, catalog, {
    team,
    componentArn: (c) =>
      c.arn ?? `<created on build: component/${c.name}/${c.version}>`,
  });

  return (
    <Card>
      <details open>
        <summary className="cursor-pointer px-5 py-3 text-sm font-semibold text-slate-900">
          Image Builder request preview
          <span className="ml-2 font-normal text-slate-500">
            CreateImageRecipe, sent when you build
          </span>
        </summary>
        <pre
          data-testid="request-preview"
          className="max-h-96 overflow-auto border-t border-slate-100 bg-slate-950 px-5 py-4 font-mono text-xs leading-relaxed text-slate-100"
        >
          {JSON.stringify(request, null, 2)}
        </pre>
      </details>
    </Card>
  );
}
