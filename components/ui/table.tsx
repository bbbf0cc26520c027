import { cn } from "./cn";

/** A column header: its label, or a label with extra classes. */
export type Column = string | { label: React.ReactNode; className?: string };

/** The portal's plain data table: header row, then `children` rows. */
export function DataTable({
  columns,
  children,
  className,
  ...props
}: { columns: Column[] } & React.TableHTMLAttributes<HTMLTableElement>) {
  return (
    <table className={cn("w-full text-left text-sm", className)} {...props}>
      <thead className="bg-slate-50 text-xs text-slate-500">
        <tr>
          {columns.map((column, index) => {
            const { label, className: extra } =
              typeof column === "string" ? { label: column } : column;

            return (
              <th key={index} className={cn("px-5 py-2 font-medium", extra)}>
                {label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
    </table>
  );
}
