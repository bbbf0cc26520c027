import type { OperationContext } from "./context";
import type { EmulatorEvent } from "./event-envelope";
import { collectEvents, eventsPending } from "./events";
import {
  autoDisable,
  needsAutoDisable,
  runDueSchedules,
  schedulesDue,
} from "./pipeline-runtime";

/**
 * Work that time alone makes due: schedule matches, pipelines to disable
 * after repeated failures, and events for status changes. Derived from
 * the clock when the emulator is next used, so no timers are needed.
 */
export function tickNeeded(context: OperationContext): boolean {
  return (
    schedulesDue(context.state, context.now) ||
    needsAutoDisable(context) ||
    eventsPending(context)
  );
}

export function tick(context: OperationContext): EmulatorEvent[] {
  runDueSchedules(context);
  const events = autoDisable(context);
  events.push(...collectEvents(context));

  return events;
}
