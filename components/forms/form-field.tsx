import { cn } from "@/components/ui/cn";

export const controlClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm shadow-sm aria-[invalid=true]:border-red-400 aria-[invalid=true]:bg-red-50/40";

/** A labelled control with its error; the control gets the id. */
export function FormField({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("text-sm", className)}>
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && (
        <p
          id={`${id}-error`}
          className="mt-1 text-xs text-red-700"
          role="alert"
        >
          {error}
        </p>
      )}
    </div>
  );
}

export function Toggle({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label
      htmlFor={id}
      className="flex items-center gap-2 text-sm text-slate-700"
    >
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="size-4 rounded border-slate-300"
      />
      {label}
    </label>
  );
}

/** The first error for a field path or any path below it. */
export function errorAt(
  errors: Record<string, string>,
  path: string,
): string | undefined {
  if (errors[path]) return errors[path];

  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));

  return key ? errors[key] : undefined;
}

export function FormMessage({ message }: { message: string | null }) {
  if (!message) return null;

  return (
    <p
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
    >
      {message}
    </p>
  );
}
