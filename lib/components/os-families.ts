// OS families a component can declare; a golden image matches when its OS
// version starts with one of them (see fitsTarget in lib/recipes/rules.ts).
export const OS_FAMILIES: Record<string, string[]> = {
  Linux: [
    "Amazon Linux",
    "Red Hat Enterprise Linux",
    "CentOS Linux",
    "Ubuntu",
  ],
  Windows: ["Microsoft Windows Server"],
  macOS: ["macOS"],
};
