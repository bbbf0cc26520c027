import { z } from "zod";

import type { LibraryFilters } from "../components/library";
import { plainText } from "./problems";

const schema = z.object({
  q: plainText(200).optional(),
  platform: z.enum(["Linux", "Windows", "macOS"]).optional(),
  os: plainText(128).optional(),
  type: z.enum(["BUILD", "TEST"]).optional(),
  team: plainText(64).optional(),
  status: z
    .enum([
      "draft",
      "submitted",
      "approved",
      "rejected",
      "published",
      "deprecated",
    ])
    .optional(),
});

/** Query-string filters; anything unknown or malformed is ignored. */
export function parseLibraryFilters(
  params: Record<string, string | string[] | undefined>,
): LibraryFilters {
  const filters: LibraryFilters = {};
  for (const key of Object.keys(schema.shape) as (keyof LibraryFilters)[]) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!value) continue;

    const parsed = schema.shape[key].safeParse(value);
    if (parsed.success && parsed.data) {
      Object.assign(filters, { [key]: parsed.data });
    }
  }

  return filters;
}
