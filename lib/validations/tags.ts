import { z } from "zod";

import { TAG_KEY, TAG_VALUE } from "./aws-formats";

/** `{ key: value }` tags as Image Builder accepts them. */
export function tagsSchema(max: number) {
  // Keys are checked here rather than by a key schema, whose failure
  // zod reports only as "Invalid key in record".
  return z
    .record(
      z.string(),
      z.string().regex(TAG_VALUE, "Tag values: at most 256 characters."),
    )
    .superRefine((tags, ctx) => {
      for (const key of Object.keys(tags)) {
        if (TAG_KEY.test(key)) continue;

        ctx.addIssue({
          code: "custom",
          message: key
            ? `Tag key "${key}": 1–128 characters, not starting with aws:.`
            : "A tag needs a key before the =.",
        });
      }
      if (Object.keys(tags).length > max) {
        ctx.addIssue({ code: "custom", message: `At most ${max} tags.` });
      }
    });
}

// LIMITATION: a line without "=" is read as a key with an empty value
// (which AWS allows), so a mistyped line is stored rather than refused.
/** `key=value` lines → tags (blank lines ignored). */
export function parseTagLines(text: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;

    const at = trimmed.indexOf("=");
    const key = (at < 0 ? trimmed : trimmed.slice(0, at)).trim();
    tags[key] = at < 0 ? "" : trimmed.slice(at + 1).trim();
  }

  return tags;
}

export function tagLines(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
}

/** Comma- or newline-separated list → trimmed items. */
export function parseList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
