import { validateParameterValues } from "../components/awstoe/parameter-values";
import type { DeclaredParameter } from "../components/awstoe/types";

// Recipe rules shared by the composer (checked as you type) and the build
// action (checked again on the server). Pure: no I/O.

export const RESOURCE_NAME =
  /^[-_A-Za-z0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z0-9]$/;
export const SEMANTIC_VERSION = /^(\d+)\.(\d+)\.(\d+)$/;
const MAX_VERSION_NODE = 2 ** 30 - 1;

export interface CatalogComponent {
  versionId: string;
  componentId: string;
  name: string;
  version: string;
  type: "BUILD" | "TEST";
  platform: string;
  supportedOsVersions: string[];
  mandatory: boolean;
  description: string;
  ownerTeam: string;
  parameters: DeclaredParameter[];
  arn: string | null;
}

export interface GoldenTarget {
  platform: string;
  osVersion: string;
  parentImage: string;
}

export interface DraftItem {
  versionId: string;
  parameters: Record<string, string>;
}

export interface RecipeDraft {
  name: string;
  version: string;
  description?: string;
  items: DraftItem[];
}

export interface RecipeIssue {
  /** `name`, `version`, `items`, `items.<i>` or `items.<i>.<parameter>`. */
  field: string;
  message: string;
}

export function checkRecipeName(name: string): string | null {
  if (!name.trim()) return "Give the recipe a name.";
  if (!RESOURCE_NAME.test(name)) {
    return "Use 3–128 letters, digits, hyphens, underscores or inner spaces.";
  }

  return null;
}

export function checkSemanticVersion(version: string): string | null {
  const match = SEMANTIC_VERSION.exec(version.trim());
  if (!match || version !== version.trim()) {
    return "Use a semantic version: major.minor.patch, e.g. 1.0.0.";
  }
  if (match.slice(1).some((node) => Number(node) > MAX_VERSION_NODE)) {
    return `Each version number must be at most ${MAX_VERSION_NODE}.`;
  }

  return null;
}

/** Whether a component can run on the golden image's platform and OS. */
export function fitsTarget(
  component: Pick<CatalogComponent, "platform" | "supportedOsVersions">,
  target: Pick<GoldenTarget, "platform" | "osVersion">,
): boolean {
  if (component.platform !== target.platform) return false;
  if (component.supportedOsVersions.length === 0) return true;

  return component.supportedOsVersions.some((os) =>
    target.osVersion.startsWith(os),
  );
}

export function checkRecipe(
  draft: RecipeDraft,
  target: GoldenTarget,
  catalog: ReadonlyMap<string, CatalogComponent>,
): RecipeIssue[] {
  const issues: RecipeIssue[] = [];
  const nameProblem = checkRecipeName(draft.name);
  if (nameProblem) issues.push({ field: "name", message: nameProblem });

  const versionProblem = checkSemanticVersion(draft.version);
  if (versionProblem)
    issues.push({ field: "version", message: versionProblem });

  if (draft.items.length === 0) {
    issues.push({ field: "items", message: "Add at least one component." });
  }

  issues.push(...checkItems(draft.items, target, catalog));
  issues.push(...checkMandatory(draft.items, target, catalog));

  return issues;
}

function checkItems(
  items: DraftItem[],
  target: GoldenTarget,
  catalog: ReadonlyMap<string, CatalogComponent>,
): RecipeIssue[] {
  const issues: RecipeIssue[] = [];
  const seen = new Set<string>();
  let lastBuild = -1;
  items.forEach((item, index) => {
    const component = catalog.get(item.versionId);
    if (component?.type === "BUILD") lastBuild = index;
  });

  items.forEach((item, index) => {
    const field = `items.${index}`;
    const component = catalog.get(item.versionId);
    if (!component) {
      issues.push({
        field,
        message: "This component version is unknown or not approved.",
      });
      return;
    }

    if (!fitsTarget(component, target)) {
      issues.push({
        field,
        message: `${component.name} supports ${describeTarget(component)}, not ${target.osVersion}.`,
      });
    }
    if (seen.has(component.componentId)) {
      issues.push({
        field,
        message: `${component.name} is already in the recipe.`,
      });
    }
    seen.add(component.componentId);

    if (component.type === "TEST" && index < lastBuild) {
      issues.push({
        field,
        message: `Test component ${component.name} must come after every build component.`,
      });
    }

    for (const problem of validateParameterValues(
      component.parameters,
      item.parameters,
    )) {
      issues.push({
        field: `${field}.${problem.name}`,
        message: problem.message,
      });
    }
    if (component.mandatory && fitsTarget(component, target)) {
      issues.push(...checkCcoeValues(component, item, field));
    }
  });

  return issues;
}

/**
 * The CCOE sets the parameters of its mandatory components: a recipe
 * keeps their defaults (hardening settings are not the team's choice).
 */
function checkCcoeValues(
  component: CatalogComponent,
  item: DraftItem,
  field: string,
): RecipeIssue[] {
  return component.parameters
    .filter((parameter) => parameter.defaultValue !== undefined)
    .filter((parameter) => {
      const value = item.parameters[parameter.name];

      return value !== undefined && value !== parameter.defaultValue;
    })
    .map((parameter) => ({
      field: `${field}.${parameter.name}`,
      message:
        `${parameter.name} of CCOE component ${component.name} is set by ` +
        `the CCOE (${parameter.defaultValue}).`,
    }));
}

function checkMandatory(
  items: DraftItem[],
  target: GoldenTarget,
  catalog: ReadonlyMap<string, CatalogComponent>,
): RecipeIssue[] {
  const present = new Set(
    items.map((item) => catalog.get(item.versionId)?.componentId),
  );
  const required = new Map<string, CatalogComponent>();
  for (const component of catalog.values()) {
    if (component.mandatory && fitsTarget(component, target)) {
      required.set(component.componentId, component);
    }
  }

  return [...required.values()]
    .filter((component) => !present.has(component.componentId))
    .map((component) => ({
      field: "items",
      message: `CCOE component ${component.name} is mandatory for this image.`,
    }));
}

function describeTarget(component: CatalogComponent): string {
  const os = component.supportedOsVersions.join(", ");

  return os ? `${component.platform} (${os})` : component.platform;
}

/** Parameter values to send: only those that differ from the default. */
export function effectiveParameters(
  declared: DeclaredParameter[],
  values: Record<string, string>,
): { name: string; value: string[] }[] {
  return declared
    .filter((parameter) => values[parameter.name] !== undefined)
    .filter((parameter) => values[parameter.name] !== parameter.defaultValue)
    .map((parameter) => ({
      name: parameter.name,
      value: [values[parameter.name]],
    }));
}
