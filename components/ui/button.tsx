import { cn } from "./cn";

const VARIANTS = {
  primary:
    "bg-brand-600 text-white shadow-sm hover:bg-brand-700 disabled:bg-slate-300",
  secondary:
    "border border-slate-300 bg-white text-slate-700 shadow-sm hover:bg-slate-50 disabled:text-slate-400",
  ghost: "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
  danger: "text-red-700 hover:bg-red-50",
} as const;

export function buttonClass(
  variant: keyof typeof VARIANTS = "primary",
  size: "sm" | "md" = "md",
): string {
  return cn(
    "inline-flex items-center justify-center gap-1.5 rounded-md font-medium",
    "transition-colors disabled:cursor-not-allowed",
    size === "sm" ? "px-2.5 py-1 text-xs" : "px-3.5 py-2 text-sm",
    VARIANTS[variant],
  );
}

export function Button({
  variant,
  size,
  className,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof VARIANTS;
  size?: "sm" | "md";
}) {
  return (
    <button className={cn(buttonClass(variant, size), className)} {...props} />
  );
}
