import type { ReactNode } from "react";

/** The named problems of a page's URL values, beside the form to fix them. */
export function FilterProblems({
  problems,
  title = "These filters cannot be applied:",
  children,
}: {
  problems: string[];
  title?: string;
  children?: ReactNode;
}) {
  if (problems.length === 0) return null;

  return (
    <div
      role="alert"
      className="mb-4 rounded-xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-800"
    >
      <p className="font-medium">{title}</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((text) => (
          <li key={text} className="break-words">
            {text}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
