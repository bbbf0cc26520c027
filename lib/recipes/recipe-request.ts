import type { CatalogComponent, GoldenTarget, RecipeDraft } from "./rules";
import { effectiveParameters } from "./rules";

export interface RecipeRequest {
  name: string;
  semanticVersion: string;
  description?: string;
  parentImage: string;
  components: {
    componentArn: string;
    parameters?: { name: string; value: string[] }[];
  }[];
  tags: Record<string, string>;
}

/**
 * The CreateImageRecipe input for a draft (without clientToken). The
 * composer shows it as a preview; the build action sends it.
 */
export function recipeRequest(
  draft: RecipeDraft,
  target: GoldenTarget,
  catalog: ReadonlyMap<string, CatalogComponent>,
  options: { team: string; componentArn: (c: CatalogComponent) => string },
): RecipeRequest {
  const components = draft.items.flatMap((item) => {
    const component = catalog.get(item.versionId);
    if (!component) return [];

    const parameters = effectiveParameters(
      component.parameters,
      item.parameters,
    );

    return [
      {
        componentArn: options.componentArn(component),
        ...(parameters.length > 0 ? { parameters } : {}),
      },
    ];
  });

  return {
    name: draft.name,
    semanticVersion: draft.version,
    ...(draft.description ? { description: draft.description } : {}),
    parentImage: target.parentImage,
    components,
    tags: { "portal:team": options.team, "portal:managed-by": "ami-portal" },
  };
}
