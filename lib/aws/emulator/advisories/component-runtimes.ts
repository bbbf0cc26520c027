import { type PackageAdvisory, pkg } from "./types";

// Language runtimes and libraries that build components install, in
// upstream versions; see component-servers.ts.
export const RUNTIME_PACKAGE_ADVISORIES: readonly PackageAdvisory[] = [
  {
    cve: "CVE-2022-21449",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.3312,
    published: "2022-04-19",
    updated: "2022-04-19",
    related: [],
    packageManager: "OS",
    packages: [pkg("openjdk-17", "17.0.2", "17.0.3")],
    description:
      "Java's ECDSA verification accepts a signature of all zeros, so " +
      "forged signatures, certificates and JWTs pass (Psychic Signatures).",
  },
  {
    cve: "CVE-2023-21930",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N",
    epss: 0.0041,
    published: "2023-04-18",
    updated: "2023-04-18",
    related: [],
    packageManager: "OS",
    packages: [pkg("openjdk-17", "17.0.2", "17.0.7")],
    description:
      "A flaw in the JSSE TLS implementation lets a network attacker read " +
      "and alter data of Java TLS connections (Oracle CPU April 2023).",
  },
  {
    cve: "CVE-2023-21967",
    severity: "MEDIUM",
    vendorSeverity: "MEDIUM",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0029,
    published: "2023-04-18",
    updated: "2023-04-18",
    related: [],
    packageManager: "OS",
    packages: [pkg("openjdk-17", "17.0.2", "17.0.7")],
    description:
      "A crafted TLS handshake makes JSSE hang or crash the Java process " +
      "(Oracle CPU April 2023).",
  },
  {
    cve: "CVE-2024-20918",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N",
    epss: 0.0039,
    published: "2024-01-16",
    updated: "2024-01-16",
    related: [],
    packageManager: "OS",
    packages: [pkg("openjdk-17", "17.0.2", "17.0.10")],
    description:
      "HotSpot's JIT compiler skips an array bounds check, letting " +
      "untrusted code read and write out of bounds (Oracle CPU January " +
      "2024).",
  },
  {
    cve: "CVE-2024-21011",
    severity: "LOW",
    vendorSeverity: "LOW",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L",
    epss: 0.0012,
    published: "2024-04-16",
    updated: "2024-04-16",
    related: [],
    packageManager: "OS",
    packages: [pkg("openjdk-17", "17.0.2", "17.0.11")],
    description:
      "Untrusted input can make HotSpot crash the JVM through a long " +
      "exception message (Oracle CPU April 2024).",
  },
  {
    cve: "CVE-2023-44487",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.9443,
    published: "2023-10-10",
    updated: "2023-10-13",
    related: [],
    exploitedAt: "2023-10-10",
    packageManager: "OS",
    packages: [pkg("nodejs", "18.17.1", "18.18.2")],
    description:
      "HTTP/2 lets a client open and immediately cancel streams without " +
      "limit, so Node.js HTTP/2 servers do unbounded work (Rapid Reset).",
  },
  {
    cve: "CVE-2023-38552",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.0021,
    published: "2023-10-18",
    updated: "2023-10-18",
    related: [],
    packageManager: "OS",
    packages: [pkg("nodejs", "18.17.1", "18.18.2")],
    description:
      "The experimental policy feature checks resource integrity in a way " +
      "an attacker who can change files can defeat.",
  },
  {
    cve: "CVE-2024-22019",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0046,
    published: "2024-02-20",
    updated: "2024-02-20",
    related: [],
    packageManager: "OS",
    packages: [pkg("nodejs", "18.17.1", "18.19.1")],
    description:
      "The HTTP server reads unbounded chunk extensions in chunked " +
      "requests, so one client can exhaust CPU and bandwidth.",
  },
  {
    cve: "CVE-2024-27983",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:H",
    epss: 0.0189,
    published: "2024-04-09",
    updated: "2024-04-09",
    related: [],
    packageManager: "OS",
    packages: [pkg("nodejs", "18.17.1", "18.20.1")],
    description:
      "A race when an HTTP/2 session is closed with frames still queued " +
      "crashes the Node.js server, a remote denial of service.",
  },
  {
    cve: "CVE-2023-24329",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.0033,
    published: "2023-02-17",
    updated: "2023-06-06",
    related: [],
    packageManager: "OS",
    packages: [pkg("python3", "3.9.16", "3.9.17")],
    description:
      "urllib.parse keeps leading blanks in a URL, so a URL starting with " +
      "spaces slips past scheme and host block lists.",
  },
  {
    cve: "CVE-2024-6232",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0042,
    published: "2024-09-03",
    updated: "2024-09-06",
    related: [],
    packageManager: "OS",
    packages: [pkg("python3", "3.9.16", "3.9.20")],
    description:
      "tarfile parses PAX headers with backtracking regular expressions, " +
      "so a crafted archive takes quadratic time to open.",
  },
  {
    cve: "CVE-2007-4559",
    severity: "MEDIUM",
    vendorSeverity: "MEDIUM",
    nvd: "AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:H/A:N",
    epss: 0.0146,
    published: "2007-08-28",
    updated: "2023-09-13",
    related: [],
    packageManager: "OS",
    packages: [pkg("python3", "3.9.16")],
    description:
      "tarfile.extractall() follows '..' and absolute member names, so " +
      "extracting an untrusted archive writes outside the target. The " +
      "safe filter is opt-in.",
  },
  {
    cve: "CVE-2023-32681",
    severity: "MEDIUM",
    vendorSeverity: "MEDIUM",
    nvd: "AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N",
    epss: 0.0063,
    published: "2023-05-26",
    updated: "2023-05-26",
    related: [],
    packageManager: "PIP",
    packages: [pkg("requests", "2.28.2", "2.31.0")],
    description:
      "Requests sends the Proxy-Authorization header on to the " +
      "destination after an HTTPS redirect, leaking proxy credentials.",
  },
  {
    cve: "CVE-2024-35195",
    severity: "MEDIUM",
    vendorSeverity: "MEDIUM",
    nvd: "AV:L/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:N",
    epss: 0.0005,
    published: "2024-05-20",
    updated: "2024-05-20",
    related: [],
    packageManager: "PIP",
    packages: [pkg("requests", "2.28.2", "2.32.0")],
    description:
      "After one request with verify=False, a Session keeps skipping " +
      "certificate checks for later requests to the same host.",
  },
  {
    cve: "CVE-2020-14343",
    severity: "CRITICAL",
    vendorSeverity: "CRITICAL",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0237,
    published: "2021-02-09",
    updated: "2021-02-09",
    related: [],
    packageManager: "PIP",
    packages: [pkg("pyyaml", "5.3.1", "5.4")],
    description:
      "PyYAML's full_load still builds arbitrary Python objects through " +
      "python/object/new, so untrusted YAML runs code.",
  },
  {
    cve: "CVE-2024-6345",
    severity: "HIGH",
    vendorSeverity: "HIGH",
    nvd: "AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H",
    epss: 0.0041,
    published: "2024-07-15",
    updated: "2024-07-15",
    related: [],
    packageManager: "PIP",
    packages: [pkg("setuptools", "65.5.0", "70.0.0")],
    description:
      "setuptools' package_index download functions pass URLs to a shell, " +
      "so a crafted package URL runs commands.",
  },
  {
    cve: "CVE-2024-22195",
    severity: "MEDIUM",
    vendorSeverity: "MEDIUM",
    nvd: "AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N",
    epss: 0.0015,
    published: "2024-01-11",
    updated: "2024-01-11",
    related: [],
    packageManager: "PIP",
    packages: [pkg("jinja2", "3.1.2", "3.1.3")],
    description:
      "The xmlattr filter accepts keys containing spaces, letting " +
      "user-controlled keys inject extra HTML attributes (XSS).",
  },
];
