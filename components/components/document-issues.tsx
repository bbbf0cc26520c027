import { cn } from "@/components/ui/cn";

/** The validator's findings under the editor, errors first. */
export function DocumentIssues({
  issues,
}: {
  issues: { severity: "error" | "warning"; text: string }[];
}) {
  if (issues.length === 0) {
    return (
      <p className="text-sm text-emerald-700" data-testid="document-issues">
        The document is valid.
      </p>
    );
  }

  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );

  return (
    <ul className="space-y-1 text-sm" data-testid="document-issues">
      {sorted.map((issue, index) => (
        <li
          key={`${issue.text}-${index}`}
          className={cn(
            issue.severity === "error" ? "text-red-700" : "text-amber-700",
          )}
        >
          <span className="font-medium">
            {issue.severity === "error" ? "Error" : "Warning"}
          </span>{" "}
          {issue.text}
        </li>
      ))}
    </ul>
  );
}
