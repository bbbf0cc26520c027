import { RUNTIME_PACKAGE_ADVISORIES } from "./component-runtimes";
import { SERVER_PACKAGE_ADVISORIES } from "./component-servers";
import type { PackageAdvisory } from "./types";

export const COMPONENT_PACKAGE_ADVISORIES: readonly PackageAdvisory[] = [
  ...SERVER_PACKAGE_ADVISORIES,
  ...RUNTIME_PACKAGE_ADVISORIES,
];

const JAVA_17 = [
  "java-17-amazon-corretto",
  "java-17-amazon-corretto-headless",
  "java-17-amazon-corretto-devel",
  "java-17-openjdk",
  "java-17-openjdk-headless",
  "java-17-openjdk-devel",
  "openjdk-17-jre",
  "openjdk-17-jre-headless",
  "openjdk-17-jdk",
  "openjdk-17-jdk-headless",
  "temurin-17-jdk",
  "temurin-17-jre",
  "temurin17",
  "corretto17jdk",
];

const GROUPS: Record<string, readonly string[]> = {
  nginx: ["nginx-core", "nginx-full", "nginx-light", "nginx-extras", "nginx1"],
  "openjdk-17": JAVA_17,
  nodejs: ["node", "nodejs-lts"],
  python3: ["python", "python3.9", "python39"],
  git: ["git-core", "git-all"],
  runc: ["containerd", "containerd.io"],
  pyyaml: ["yaml"],
};

// Installing Docker pulls in runc, so both advisories apply.
const DOCKER = ["docker", "docker-ce", "docker.io", "docker-engine"];

/** Installed-name alias → the fixture packages it stands for. */
export const PACKAGE_ALIASES: ReadonlyMap<string, readonly string[]> =
  buildAliases();

/**
 * Fixture package name → the name to report, for packages a component
 * installed. The first package an alias stands for keeps the installed
 * spelling (`nginx-core`); implied ones use the fixture name (`runc`).
 */
export function resolveComponentPackages(
  installed: readonly string[],
): Map<string, string> {
  const resolved = new Map<string, string>();

  for (const name of installed) {
    const key = name.trim().toLowerCase();
    const targets = PACKAGE_ALIASES.get(key) ?? [key];
    targets.forEach((target, index) => {
      if (!resolved.has(target)) {
        resolved.set(target, index === 0 ? name.trim() : target);
      }
    });
  }

  return resolved;
}

function buildAliases(): Map<string, readonly string[]> {
  const aliases = new Map<string, readonly string[]>();
  for (const [canonical, names] of Object.entries(GROUPS)) {
    for (const name of names) aliases.set(name, [canonical]);
  }
  for (const name of DOCKER) aliases.set(name, ["docker", "runc"]);

  return aliases;
}
