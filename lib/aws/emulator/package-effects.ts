import { parse } from "yaml";

export interface PackageEffects {
  installs: string[];
  updatesOs: boolean;
}

interface Collector {
  installs: Set<string>;
  updatesOs: boolean;
}

const PREFIXES = new Set(["sudo", "env", "exec", "nohup", "time", "command"]);

/** Flags whose value is the next token, per tool. */
const VALUE_FLAGS: Record<string, ReadonlySet<string>> = {
  apt: new Set(["-o", "-t", "--option", "--target-release"]),
  pip: new Set([
    "-r", "--requirement", "-c", "--constraint", "-i", "--index-url",
    "--extra-index-url", "-t", "--target", "--prefix", "--root", "-f",
    "--find-links", "--trusted-host", "-e", "--editable",
  ]),
  choco: new Set([
    "--version", "-s", "--source", "--params", "--package-parameters",
    "--ia", "--install-arguments", "--timeout",
  ]),
  none: new Set(),
};

const WINDOWS_FEATURES: Record<string, string> = {
  "web-server": "iis",
  "iis-webserverrole": "iis",
  "iis-webserver": "iis",
};

/**
 * What a component document does to the image's packages (parsed from its
 * YAML).
 */
export function packageEffects(documentYaml: string): PackageEffects {
  let document: unknown;
  try {
    document = parse(documentYaml);
  } catch {
    return { installs: [], updatesOs: false };
  }

  const collector: Collector = { installs: new Set(), updatesOs: false };
  for (const step of stepsOf(document)) {
    if (step.action === "UpdateOS") collector.updatesOs = true;
    if (step.action !== "ExecuteBash" && step.action !== "ExecutePowerShell") {
      continue;
    }
    for (const command of commandsOf(step.inputs)) {
      readScript(command, collector);
    }
  }

  return { installs: [...collector.installs], updatesOs: collector.updatesOs };
}

function stepsOf(document: unknown): Record<string, unknown>[] {
  if (!isRecord(document) || !Array.isArray(document.phases)) return [];

  return document.phases
    .flatMap((phase) =>
      isRecord(phase) && Array.isArray(phase.steps) ? phase.steps : [],
    )
    .filter(isRecord);
}

function commandsOf(inputs: unknown): string[] {
  const blocks = Array.isArray(inputs) ? inputs : [inputs];

  return blocks.flatMap((block) => {
    if (!isRecord(block)) return [];
    const { commands } = block;
    const list = Array.isArray(commands) ? commands : [commands];

    return list.filter((c): c is string => typeof c === "string");
  });
}

function readScript(script: string, collector: Collector): void {
  const text = script
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/[\\`]\r?\n/g, " ");

  for (const simple of text.split(/\r?\n|&&|\|\||;|\|/)) {
    const words = stripPrefixes(tokenize(simple));
    if (words.length > 0) readCommand(words, collector);
  }
}

function readCommand(words: string[], collector: Collector): void {
  const tool = basename(words[0]).toLowerCase().replace(/\.exe$/, "");
  const rest = words.slice(1);
  const add = (names: string[]) => {
    for (const name of names) collector.installs.add(name);
  };

  if (/^(yum|dnf|microdnf|tdnf)$/.test(tool)) {
    const { sub, args } = subcommand(rest, "none");
    if (/^(install|reinstall|localinstall)$/.test(sub)) add(osNames(args));
    if (isOsUpdate(sub, args, /^(update|upgrade|distro-sync)$/)) {
      collector.updatesOs = true;
    }
  } else if (/^(apt-get|apt|aptitude)$/.test(tool)) {
    const { sub, args } = subcommand(rest, "apt");
    if (sub === "install") add(osNames(args));
    if (isOsUpdate(sub, args, /^(upgrade|dist-upgrade|full-upgrade)$/)) {
      collector.updatesOs = true;
    }
  } else if (tool === "amazon-linux-extras") {
    const { sub, args } = subcommand(rest, "none");
    if (sub === "install") add(osNames(args));
  } else if (/^pip[0-9.]*$/.test(tool)) {
    add(pipInstalls(rest));
  } else if (/^python[0-9.]*$/.test(tool) && rest[0] === "-m") {
    if (/^pip[0-9.]*$/.test(rest[1] ?? "")) add(pipInstalls(rest.slice(2)));
  } else if (tool === "npm") {
    add(npmGlobalInstalls(rest));
  } else if (tool === "choco") {
    const { sub, args } = subcommand(rest, "choco");
    if (sub === "install") add(args.map((a) => a.toLowerCase()));
  } else if (tool === "rpm") {
    const installing = /^(-[a-zA-Z]*[iU][a-zA-Z]*|--install|--upgrade)$/;
    if (rest.some((w) => installing.test(w))) {
      add(positional(rest, "none").map(rpmName));
    }
  } else if (tool === "dpkg") {
    if (rest.some((w) => w === "-i" || w === "--install")) {
      add(positional(rest, "none").map(debName));
    }
  } else {
    readPowerShell(tool, rest, collector, add);
  }
}

function readPowerShell(
  tool: string,
  rest: string[],
  collector: Collector,
  add: (names: string[]) => void,
): void {
  if (tool === "install-windowsupdate") collector.updatesOs = true;
  const feature = /^(install|add)-windowsfeature$|^enable-windowsoptional/;
  if (!feature.test(tool)) return;

  const named = rest.findIndex((w) => /^-(name|featurename)$/i.test(w));
  const value =
    named >= 0 ? rest[named + 1] : rest.find((w) => !w.startsWith("-"));
  const features = (value ?? "").split(",").filter(Boolean);

  add(
    features.map((f) => WINDOWS_FEATURES[f.toLowerCase()] ?? f.toLowerCase()),
  );
}

function subcommand(words: string[], flags: keyof typeof VALUE_FLAGS) {
  const args = positional(words, flags);

  return { sub: (args[0] ?? "").toLowerCase(), args: args.slice(1) };
}

function isOsUpdate(sub: string, args: string[], pattern: RegExp): boolean {
  return pattern.test(sub) && args.length === 0;
}

/** Words that are neither flags nor flag values. */
function positional(words: string[], flags: keyof typeof VALUE_FLAGS) {
  const takesValue = VALUE_FLAGS[flags];
  const result: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.startsWith("-")) {
      if (takesValue.has(word)) i++;
      continue;
    }
    if (word.startsWith("$") || word.startsWith(">")) continue;
    result.push(word);
  }

  return result;
}

function osNames(args: string[]): string[] {
  return args.map((arg) => {
    if (/\.rpm$/i.test(arg)) return rpmName(arg);
    if (/\.deb$/i.test(arg)) return debName(arg);

    return arg.replace(/=.*$/, "");
  });
}

function pipInstalls(words: string[]): string[] {
  const { sub, args } = subcommand(words, "pip");
  if (sub !== "install") return [];

  return args
    .filter((arg) => !arg.includes("/") && arg !== ".")
    .map((arg) => arg.replace(/\[.*$|[<>=!~;@ ].*$/, "").toLowerCase())
    .filter(Boolean);
}

function npmGlobalInstalls(words: string[]): string[] {
  const global = words.some((w) => w === "-g" || w === "--global");
  const { sub, args } = subcommand(words, "none");
  if (!global || !/^(install|i|add)$/.test(sub)) return [];

  return args.map((arg) => {
    const at = arg.indexOf("@", 1);

    return at > 0 ? arg.slice(0, at) : arg;
  });
}

// name-version-release.arch.rpm: the name ends before the first
// hyphen-separated part that starts with a digit.
function rpmName(file: string): string {
  const base = basename(file.replace(/[?#].*$/, ""))
    .replace(/\.rpm$/i, "")
    .replace(/\.(x86_64|aarch64|noarch|i686|amd64|arm64)$/, "");
  const parts = base.split("-");
  const version = parts.findIndex((part, i) => i > 0 && /^\d/.test(part));

  return version > 0 ? parts.slice(0, version).join("-") : base;
}

function debName(file: string): string {
  return basename(file).replace(/\.deb$/i, "").split("_")[0];
}

function tokenize(command: string): string[] {
  const words: string[] = [];
  for (const raw of command.trim().split(/\s+/)) {
    if (raw.startsWith("#")) break;
    const word = raw.replace(/^["']+|["']+$/g, "");
    if (word) words.push(word);
  }

  return words;
}

function stripPrefixes(words: string[]): string[] {
  let i = 0;
  let afterSudo = false;
  while (i < words.length) {
    const word = words[i];
    if (PREFIXES.has(word)) {
      afterSudo = word === "sudo";
      i++;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) i++;
    else if (afterSudo && word.startsWith("-")) {
      i += word === "-u" || word === "-g" ? 2 : 1;
    } else break;
  }

  return words.slice(i);
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
