import { cn } from "@/components/ui/cn";
import { BUILD_STEPS } from "@/lib/builds/status";

/** Image Builder's build states as a stepper; failures stop at their step. */
export function BuildProgress({
  status,
  history,
}: {
  status: string;
  history: string[];
}) {
  const failed = status === "FAILED" || status === "CANCELLED";
  const lastReached = failed
    ? Math.max(...history.map((s) => BUILD_STEPS.indexOf(s as never)))
    : BUILD_STEPS.indexOf(status as never);

  return (
    <ol className="flex flex-wrap items-center gap-y-2" aria-label="Build progress">
      {BUILD_STEPS.map((step, index) => {
        const done = index < lastReached || status === "AVAILABLE";
        const current = index === lastReached;
        const stoppedHere = failed && current;

        return (
          <li key={step} className="flex items-center" data-step={step}>
            <span
              aria-current={current ? "step" : undefined}
              className={cn(
                "flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium",
                stoppedHere && "bg-red-100 text-red-800",
                !stoppedHere && done && "bg-emerald-50 text-emerald-800",
                !stoppedHere && current && !done && "bg-brand-600 text-white",
                !done && !current && "bg-slate-100 text-slate-400",
              )}
            >
              {done && !stoppedHere ? "✓" : stoppedHere ? "✕" : null}
              {step.charAt(0) + step.slice(1).toLowerCase()}
            </span>
            {index < BUILD_STEPS.length - 1 && (
              <span className="mx-1 h-px w-4 bg-slate-300" aria-hidden />
            )}
          </li>
        );
      })}
    </ol>
  );
}
