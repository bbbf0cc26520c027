import { EmulatorError, invalidParameter } from "./errors";
import type { Wire } from "./state-types";

export const RESOURCE_NAME = /^[-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9]$/;
export const SEMANTIC_VERSION = /^[0-9]+\.[0-9]+\.[0-9]+$/;
export const ACCOUNT_ID = /^[0-9]{12}$/;
export const REGION = /^[a-z]{2}(-gov)?-[a-z]+-[0-9]$/;
export const CLIENT_TOKEN = /^.{1,36}$/s;
const TAG_KEY = /^(?!aws:)[a-zA-Z+-=._:/]+$/;
const MAX_VERSION_NODE = 2 ** 30 - 1;

export function requireString(input: Wire, key: string): string {
  const value = input[key];
  if (typeof value !== "string" || value.length === 0) {
    throw invalidParameter(key, `${key} is required.`);
  }

  return value;
}

export function optionalString(
  input: Wire,
  key: string,
  max = 1024,
): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value.length < 1 || value.length > max) {
    throw invalidParameter(
      key,
      `${key} must be a string of length between 1 and ${max}.`,
    );
  }

  return value;
}

export function optionalBoolean(
  input: Wire,
  key: string,
): boolean | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") {
    throw invalidParameter(key, `${key} must be a boolean.`);
  }

  return value;
}

export function requireMatch(
  value: string,
  key: string,
  pattern: RegExp,
): string {
  if (!pattern.test(value)) {
    throw invalidParameter(
      key,
      `${key} must match pattern ${pattern.source}`,
    );
  }

  return value;
}

export function requireResourceName(input: Wire): string {
  return requireMatch(requireString(input, "name"), "name", RESOURCE_NAME);
}

/** Checks a create-time `semanticVersion` (no wildcards, bounded nodes). */
export function requireSemanticVersion(input: Wire): string {
  const version = requireString(input, "semanticVersion");
  if (!SEMANTIC_VERSION.test(version)) {
    throw new EmulatorError(
      "InvalidVersionNumberException",
      "The value supplied for parameter 'semanticVersion' is not valid. " +
        `semanticVersion must match pattern ${SEMANTIC_VERSION.source}`,
    );
  }
  const nodes = version.split(".").map(Number);
  if (nodes.some((node) => node > MAX_VERSION_NODE)) {
    throw new EmulatorError(
      "InvalidVersionNumberException",
      `The semantic version '${version}' is not valid. Each node of the ` +
        `version must be between 0 and ${MAX_VERSION_NODE}.`,
    );
  }

  return nodes.join(".");
}

export function optionalTags(
  input: Wire,
  key = "tags",
  maxEntries = 50,
): Record<string, string> | undefined {
  const tags = input[key];
  if (tags === undefined || tags === null) return undefined;

  return validateTagMap(tags, key, maxEntries);
}

export function validateTagMap(
  tags: unknown,
  key: string,
  maxEntries = 50,
): Record<string, string> {
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
    throw invalidParameter(key, `${key} must be a map of strings.`);
  }
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length < 1 || entries.length > maxEntries) {
    throw invalidParameter(
      key,
      `${key} must have between 1 and ${maxEntries} entries.`,
    );
  }
  for (const [tagKey, value] of entries) {
    const badKey = tagKey.length > 128 || !TAG_KEY.test(tagKey);
    const badValue = typeof value !== "string" || value.length > 256;
    if (badKey || badValue) {
      throw invalidParameter(key, `The tag '${tagKey}' is not valid.`);
    }
  }

  return tags as Record<string, string>;
}

export function optionalArray(input: Wire, key: string): unknown[] {
  const value = input[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw invalidParameter(key, `${key} must be a list.`);
  }

  return value;
}

export function isObject(value: unknown): value is Wire {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Drops undefined members so stored wire objects stay compact. */
export function compact(object: Wire): Wire {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  );
}
