import { type PackageAdvisory, pkg } from "./types";

// Software that build components install, in upstream versions: the
// installed version stands for the build a component would typically get.
export const SERVER_PACKAGE_ADVISORIES: readonly PackageAdvisory[] = [
  {
    cve: "CVE-2023-44487",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.9443,
    published: "2023-10-10",
    updated: "2023-10-24",
    related: [],
    exploitedAt: "2023-10-10",
    packageManager: "OS",
    packages: [pkg("nginx", "1.18.0", "1.25.3")],
    description:
      "HTTP/2 lets a client open and immediately cancel streams without " +
      "limit, so servers do unbounded work (Rapid Reset); it was used in " +
      "record-size DDoS attacks.",
  },
  {
    cve: "CVE-2021-23017",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:H",
    epss: 0.7392,
    published: "2021-06-01",
    updated: "2021-06-01",
    related: [],
    packageManager: "OS",
    packages: [pkg("nginx", "1.18.0", "1.20.1")],
    description:
      "An off-by-one in nginx's DNS resolver lets a spoofed DNS reply " +
      "overwrite one byte of memory when the resolver directive is used.",
  },
  {
    cve: "CVE-2022-41741",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0098,
    published: "2022-10-19",
    updated: "2022-10-19",
    related: [],
    packageManager: "OS",
    packages: [pkg("nginx", "1.18.0", "1.22.1")],
    description:
      "The mp4 streaming module corrupts worker memory when it serves a " +
      "crafted MP4 file.",
  },
  {
    cve: "CVE-2024-7347",
    severity: "MEDIUM",
    vendorSeverity: "MEDIUM",
    nvd: "AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0017,
    published: "2024-08-14",
    updated: "2024-08-14",
    related: [],
    packageManager: "OS",
    packages: [pkg("nginx", "1.18.0", "1.26.2")],
    description:
      "The mp4 module reads past a buffer on a crafted MP4 file, which can " +
      "crash a worker process.",
  },
  {
    cve: "CVE-2024-32002",
    severity: "CRITICAL",
    vendorSeverity: "CRITICAL",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H",
    epss: 0.0452,
    published: "2024-05-14",
    updated: "2024-05-14",
    related: [],
    packageManager: "OS",
    packages: [pkg("git", "2.39.2", "2.39.4")],
    description:
      "Cloning a repository whose submodules use symlinks can make git " +
      "write hooks into .git/ and run them during the clone, on " +
      "case-insensitive file systems.",
  },
  {
    cve: "CVE-2023-25652",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.0061,
    published: "2023-04-25",
    updated: "2023-04-25",
    related: [],
    packageManager: "OS",
    packages: [pkg("git", "2.39.2", "2.39.3")],
    description:
      "git apply --reject can write outside the working tree when given a " +
      "crafted patch.",
  },
  {
    cve: "CVE-2023-29007",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0044,
    published: "2023-04-25",
    updated: "2023-04-25",
    related: [],
    packageManager: "OS",
    packages: [pkg("git", "2.39.2", "2.39.3")],
    description:
      "Renaming a config section with an over-long value can inject " +
      "arbitrary settings, such as core.pager, into .git/config.",
  },
  {
    cve: "CVE-2024-21626",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:L/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H",
    epss: 0.6817,
    published: "2024-01-31",
    updated: "2024-02-09",
    related: [],
    exploitedAt: "2024-02-01",
    packageManager: "OS",
    linuxOnly: true,
    packages: [pkg("runc", "1.1.7", "1.1.12")],
    description:
      "runc leaks a host file descriptor into new containers, so a " +
      "crafted image or exec working directory reaches the host file " +
      "system (Leaky Vessels).",
  },
  {
    cve: "CVE-2024-41110",
    severity: "CRITICAL",
    vendorSeverity: "CRITICAL",
    nvd: "AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H",
    epss: 0.0322,
    published: "2024-07-24",
    updated: "2024-07-30",
    related: [],
    packageManager: "OS",
    linuxOnly: true,
    packages: [pkg("docker", "24.0.5", "25.0.6")],
    description:
      "The Docker daemon forwards API requests with a zero-length body to " +
      "authorization plugins without the body, so AuthZ plugins can be " +
      "bypassed.",
  },
];
