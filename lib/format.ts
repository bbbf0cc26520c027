/** "1 finding", "2 findings", "1,200 images": a count with its noun. */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-GB")} ${noun}${count === 1 ? "" : "s"}`;
}
