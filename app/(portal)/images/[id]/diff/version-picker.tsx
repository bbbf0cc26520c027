import { buttonClass } from "@/components/ui/button";
import type { LineVersion } from "@/lib/fleet/diff-context";

const time = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeZone: "UTC",
});

/** A plain GET form: works without JavaScript and keeps the URL shareable. */
export function VersionPicker({
  imageId,
  versions,
  selected,
}: {
  imageId: string;
  versions: LineVersion[];
  selected: string | null;
}) {
  const others = versions.filter((version) => version.id !== imageId);

  return (
    <form action={`/images/${imageId}/diff`} className="flex items-end gap-2">
      <label className="text-xs font-medium text-slate-600">
        Compare with
        <select
          name="against"
          defaultValue={selected ?? ""}
          className="mt-1 block w-72 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          {others.map((version) => (
            <option
              key={version.id}
              value={version.id}
              disabled={!version.findingsCollectedAt}
            >
              {version.version} · {time.format(version.createdAt)}
              {version.findingsCollectedAt
                ? ""
                : ` · ${version.status}, no scan`}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className={buttonClass("secondary")}
        disabled={others.length === 0}
      >
        Compare
      </button>
    </form>
  );
}
