/** "Name (OS)", or just the name when it already says the OS. */
export function goldenName(golden: { name: string; osVersion: string }) {
  return golden.name === golden.osVersion
    ? golden.name
    : `${golden.name} (${golden.osVersion})`;
}
