import { invalidParameter } from "./errors";
import type { Wire } from "./state-types";
import {
  compact,
  isObject,
  optionalArray,
  optionalBoolean,
  optionalString,
  optionalTags,
  requireMatch,
  requireString,
} from "./validation";

const PROFILE_NAME = /^[\w+=,.@-]+$/;
const SNS_ARN = /^arn:aws[^:]*:sns:[^:]+:[0-9]{12}:[a-zA-Z0-9-_]{1,256}$/;

/** The stored members of an infrastructure configuration (create/update). */
export function readInfrastructure(input: Wire): Wire {
  const profile = requireString(input, "instanceProfileName");
  requireMatch(profile, "instanceProfileName", PROFILE_NAME);
  const snsTopicArn = optionalString(input, "snsTopicArn");
  if (snsTopicArn) requireMatch(snsTopicArn, "snsTopicArn", SNS_ARN);
  checkMetadataOptions(input.instanceMetadataOptions);

  return compact({
    description: optionalString(input, "description"),
    instanceTypes: strings(input, "instanceTypes"),
    instanceProfileName: profile,
    securityGroupIds: strings(input, "securityGroupIds"),
    subnetId: optionalString(input, "subnetId"),
    logging: input.logging,
    keyPair: optionalString(input, "keyPair"),
    terminateInstanceOnFailure: optionalBoolean(
      input,
      "terminateInstanceOnFailure",
    ),
    snsTopicArn,
    resourceTags: optionalTags(input, "resourceTags", 30),
    instanceMetadataOptions: input.instanceMetadataOptions,
    placement: input.placement,
    tags: optionalTags(input),
  });
}

function strings(input: Wire, key: string): string[] | undefined {
  const list = optionalArray(input, key);
  if (list.length === 0) return undefined;
  if (!list.every((item) => typeof item === "string" && item.length > 0)) {
    throw invalidParameter(key, `${key} must be a list of strings.`);
  }

  return list as string[];
}

function checkMetadataOptions(options: unknown): void {
  if (options === undefined) return;
  if (!isObject(options)) {
    throw invalidParameter(
      "instanceMetadataOptions",
      "instanceMetadataOptions must be an object.",
    );
  }
  const tokens = options.httpTokens;
  if (tokens !== undefined && tokens !== "optional" && tokens !== "required") {
    throw invalidParameter(
      "instanceMetadataOptions.httpTokens",
      "httpTokens must be 'optional' or 'required'.",
    );
  }
  const hops = options.httpPutResponseHopLimit;
  const badHops =
    hops !== undefined &&
    !(typeof hops === "number" && Number.isInteger(hops) && hops >= 1 && hops <= 64);
  if (badHops) {
    throw invalidParameter(
      "instanceMetadataOptions.httpPutResponseHopLimit",
      "httpPutResponseHopLimit must be between 1 and 64.",
    );
  }
}
