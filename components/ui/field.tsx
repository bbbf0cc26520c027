import { cn } from "@/components/ui/cn";

export function inputClass(invalid: boolean): string {
  return cn(
    "mt-1 block w-full rounded-md border px-3 py-1.5 text-sm shadow-sm",
    invalid
      ? "border-red-400 bg-red-50/40 focus-visible:outline-red-500"
      : "border-slate-300",
    "read-only:bg-slate-100 read-only:text-slate-600 disabled:bg-slate-100",
  );
}

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;

  return (
    <p id={id} className="mt-1 text-xs text-red-700" data-field-error>
      {message}
    </p>
  );
}
