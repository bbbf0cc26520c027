import fs from "node:fs";
import path from "node:path";

// The corpus files, byte-identical copies of /shared/corpus, for tests.

export type CorpusCase =
  | "C31-inspector-ec2-dual-cvss"
  | "C32-inspector-network-reachability"
  | "C33-inspector-ecr-no-score-partial-fix"
  | "C34-inspector-code-and-sparse"
  | "C37-autoenable-smart-quotes";

export function corpusText(name: CorpusCase): string {
  return fs.readFileSync(
    path.join(import.meta.dirname, "fixtures", `${name}.json`),
    "utf8",
  );
}

export function corpusJson<T = Record<string, unknown>>(name: CorpusCase): T {
  return JSON.parse(corpusText(name)) as T;
}
