import type { ComponentPlatform } from "./types";

// The 30 AWSTOE action modules (aws-api-facts §7.4) and the inputs each one
// takes. "scalar" accepts any YAML scalar: AWSTOE reads `value: 1` or
// `permissions: 0644` as text.
export type InputType =
  | "string"
  | "scalar"
  | "stringList"
  | "boolean"
  | "integer"
  | "stringMap"
  | "any";

export interface InputSpec {
  type: InputType;
  required?: boolean;
  allowed?: readonly string[];
  caseInsensitive?: boolean;
}

export interface ActionModule {
  /** A map of inputs, or a list of maps (one entry per operation). */
  shape: "map" | "list";
  /** The step may leave out `inputs` entirely. */
  inputsOptional?: boolean;
  /** Platforms the module runs on; absent means every platform. */
  platforms?: readonly ComponentPlatform[];
  inputs: Record<string, InputSpec>;
  /** Names usable as `{{ phase.step.outputs.<name> }}`. */
  outputs: readonly string[];
  /** Inputs are operator-specific and only loosely checked. */
  freeform?: boolean;
}

const WINDOWS = ["Windows"] as const;
const NOT_WINDOWS = ["Linux", "macOS"] as const;
const ENCODINGS = [
  "utf8",
  "utf-8",
  "utf16",
  "utf-16",
  "utf16-le",
  "utf-16-le",
  "utf16-be",
  "utf-16-be",
  "utf32",
  "utf-32",
  "utf32-le",
  "utf-32-le",
  "utf32-be",
  "utf-32-be",
] as const;

const req = (type: InputType): InputSpec => ({ type, required: true });
const opt = (type: InputType): InputSpec => ({ type });
const encoding: InputSpec = {
  type: "string",
  allowed: ENCODINGS,
  caseInsensitive: true,
};

const copyMove: ActionModule = {
  shape: "list",
  inputs: {
    source: req("string"),
    destination: req("string"),
    overwrite: opt("boolean"),
  },
  outputs: [],
};

const msi = (required: boolean): ActionModule => ({
  shape: "map",
  platforms: WINDOWS,
  inputs: {
    path: { type: "string", required },
    reboot: { type: "string", allowed: ["Allow", "Force", "Skip"] },
    logOptions: opt("string"),
    logFile: opt("string"),
    properties: opt("stringMap"),
    ignoreAuthenticodeSignatureErrors: opt("boolean"),
    allowUnsignedInstaller: opt("boolean"),
  },
  outputs: ["logFile", "msiExitCode", "stdout"],
});

export const ACTION_MODULES: Record<string, ActionModule> = {
  AppendFile: {
    shape: "list",
    inputs: { path: req("string"), content: opt("string"), encoding },
    outputs: [],
  },
  // LIMITATION: AWSTOE does not document Assert's exact input shape, so
  // only the presence of a known comparison operator is checked.
  Assert: { shape: "map", inputs: {}, outputs: [], freeform: true },
  CopyFile: copyMove,
  CopyFolder: copyMove,
  CreateFile: {
    shape: "list",
    inputs: {
      path: req("string"),
      content: opt("string"),
      encoding,
      owner: opt("scalar"),
      group: opt("scalar"),
      permissions: opt("scalar"),
      overwrite: opt("boolean"),
    },
    outputs: [],
  },
  CreateFolder: {
    shape: "list",
    inputs: {
      path: req("string"),
      owner: opt("scalar"),
      group: opt("scalar"),
      permissions: opt("scalar"),
      overwrite: opt("boolean"),
    },
    outputs: [],
  },
  CreateSymlink: {
    shape: "list",
    platforms: NOT_WINDOWS,
    inputs: {
      path: req("string"),
      target: req("string"),
      force: opt("boolean"),
    },
    outputs: [],
  },
  DeleteFile: { shape: "list", inputs: { path: req("string") }, outputs: [] },
  DeleteFolder: {
    shape: "list",
    inputs: { path: req("string"), force: opt("boolean") },
    outputs: [],
  },
  ExecuteBash: {
    shape: "map",
    platforms: NOT_WINDOWS,
    inputs: { commands: req("stringList") },
    outputs: ["stdout"],
  },
  ExecuteBinary: {
    shape: "map",
    inputs: { path: req("string"), arguments: opt("stringList") },
    outputs: ["stdout"],
  },
  ExecuteDocument: {
    shape: "map",
    inputs: {
      document: req("string"),
      phases: opt("string"),
      parameters: opt("any"),
    },
    outputs: [],
  },
  ExecutePowerShell: {
    shape: "map",
    platforms: WINDOWS,
    inputs: { commands: opt("stringList"), file: opt("string") },
    outputs: ["stdout"],
  },
  InstallMSI: msi(true),
  ListFiles: {
    shape: "list",
    inputs: {
      path: req("string"),
      fileNamePattern: opt("string"),
      recursive: opt("boolean"),
    },
    outputs: ["files"],
  },
  MoveFile: copyMove,
  MoveFolder: copyMove,
  ReadFile: {
    shape: "list",
    inputs: { path: req("string"), encoding, printFileContent: opt("boolean") },
    outputs: ["content"],
  },
  Reboot: {
    shape: "map",
    inputsOptional: true,
    inputs: { delaySeconds: opt("integer") },
    outputs: [],
  },
  S3Download: {
    shape: "list",
    inputs: {
      source: req("string"),
      destination: req("string"),
      expectedBucketOwner: opt("scalar"),
      overwrite: opt("boolean"),
    },
    outputs: [],
  },
  S3Upload: {
    shape: "list",
    inputs: {
      source: req("string"),
      destination: req("string"),
      recurse: opt("boolean"),
      expectedBucketOwner: opt("scalar"),
    },
    outputs: [],
  },
  SetFileEncoding: {
    shape: "list",
    inputs: { path: req("string"), encoding },
    outputs: [],
  },
  SetFileOwner: {
    shape: "list",
    platforms: NOT_WINDOWS,
    inputs: { path: req("string"), owner: req("scalar"), group: opt("scalar") },
    outputs: [],
  },
  SetFilePermissions: {
    shape: "list",
    platforms: NOT_WINDOWS,
    inputs: { path: req("string"), permissions: req("scalar") },
    outputs: [],
  },
  SetFolderOwner: {
    shape: "list",
    platforms: NOT_WINDOWS,
    inputs: {
      path: req("string"),
      owner: req("scalar"),
      group: opt("scalar"),
      recursive: opt("boolean"),
    },
    outputs: [],
  },
  SetFolderPermissions: {
    shape: "list",
    platforms: NOT_WINDOWS,
    inputs: {
      path: req("string"),
      permissions: req("scalar"),
      recursive: opt("boolean"),
    },
    outputs: [],
  },
  SetRegistry: {
    shape: "list",
    platforms: WINDOWS,
    inputs: {
      path: req("string"),
      name: req("string"),
      value: req("any"),
      type: {
        type: "string",
        required: true,
        allowed: ["BINARY", "DWORD", "QWORD", "SZ", "EXPAND_SZ", "MULTI_SZ"],
      },
    },
    outputs: [],
  },
  UninstallMSI: msi(true),
  UpdateOS: {
    shape: "map",
    inputsOptional: true,
    inputs: { include: opt("stringList"), exclude: opt("stringList") },
    outputs: [],
  },
  WebDownload: {
    shape: "list",
    inputs: {
      source: req("string"),
      destination: req("string"),
      overwrite: opt("boolean"),
      checksum: opt("string"),
      algorithm: {
        type: "string",
        allowed: ["MD5", "SHA1", "SHA256", "SHA512"],
      },
      ignoreCertificateErrors: opt("boolean"),
    },
    outputs: ["destination"],
  },
};

export const ACTION_NAMES = Object.keys(ACTION_MODULES);

/** Comparison operators for `Assert` and `if` (aws-api-facts §7.3). */
export const COMPARISON_OPERATORS = [
  "stringIsEmpty",
  "stringIsWhitespace",
  "stringEquals",
  "stringLessThan",
  "stringLessThanEquals",
  "stringGreaterThan",
  "stringGreaterThanEquals",
  "patternMatches",
  "numberEquals",
  "numberLessThan",
  "numberLessThanEquals",
  "numberGreaterThan",
  "numberGreaterThanEquals",
  "fileExists",
  "folderExists",
  "fileMD5Equals",
  "fileSHA1Equals",
  "fileSHA256Equals",
  "fileSHA512Equals",
  "and",
  "or",
  "not",
] as const;
