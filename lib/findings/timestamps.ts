/**
 * Inspector dates arrive as Dates (SDK), epoch seconds (API wire), ISO
 * strings (ListFindings dumps) or `Tue Mar 04 16:59:44.356 UTC 2025`
 * (EventBridge events). Returns null for anything else.
 */
export function parseInspectorTime(value: unknown): Date | null {
  if (value instanceof Date) return valid(value);
  if (typeof value === "number") return valid(new Date(value * 1000));
  if (typeof value !== "string" || value.trim() === "") return null;

  const match =
    /^\w{3} (\w{3}) (\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) UTC (\d{4})$/.exec(
      value.trim(),
    );
  if (match) {
    const [, month, day, time, year] = match;

    return valid(new Date(`${month} ${day} ${year} ${time} UTC`));
  }
  if (/^\d+(\.\d+)?$/.test(value)) return valid(new Date(Number(value) * 1000));

  return valid(new Date(value));
}

function valid(date: Date): Date | null {
  return Number.isNaN(date.getTime()) ? null : date;
}
