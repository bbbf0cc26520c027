import { type Advisory, pkg } from "./types";

// CentOS 7 reached end of life on 2024-06-30. Red Hat fixes published
// after that date (RHEL 7 ELS) never reached CentOS, and some older
// flaws were closed "will not fix"; both carry no fixed version here.
export const CENTOS7_ADVISORIES: readonly Advisory[] = [
  {
    cve: "CVE-2021-4034",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.8571,
    published: "2022-01-25",
    updated: "2022-01-26",
    related: ["RHSA-2022:0274"],
    exploitedAt: "2022-06-27",
    packages: [pkg("polkit", "0.112-26.el7", "0.112-26.el7_9.1")],
    description:
      "pkexec mishandles an empty argument list and treats environment " +
      "variables as arguments, so any local user can run code as root " +
      "(PwnKit).",
  },
  {
    cve: "CVE-2021-3156",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.9338,
    published: "2021-01-26",
    updated: "2021-01-27",
    related: ["RHSA-2021:0221"],
    exploitedAt: "2022-04-06",
    packages: [pkg("sudo", "1.8.23-10.el7", "1.8.23-10.el7_9.1")],
    description:
      "sudoedit -s with an argument ending in a backslash overflows a heap " +
      "buffer, giving any local user root without knowing a password " +
      "(Baron Samedit).",
  },
  {
    cve: "CVE-2023-38408",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    vendorCvss: "AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H",
    epss: 0.5962,
    published: "2023-07-19",
    updated: "2023-08-01",
    related: ["RHSA-2023:4419"],
    packages: [
      pkg("openssh", "7.4p1-21.el7", "7.4p1-23.el7_9"),
      pkg("openssh-clients", "7.4p1-21.el7", "7.4p1-23.el7_9"),
    ],
    description:
      "ssh-agent loads PKCS#11 providers from an insecure search path, so " +
      "a remote host reached through agent forwarding can make the agent " +
      "load and run libraries already present on the client.",
  },
  {
    cve: "CVE-2023-0286",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H",
    epss: 0.0136,
    published: "2023-02-07",
    updated: "2023-03-20",
    related: ["RHSA-2023:1335"],
    packages: [
      pkg("openssl-libs", "1.0.2k-22.el7_9", "1.0.2k-26.el7_9", 1),
    ],
    description:
      "A type confusion on X.400 addresses in GENERAL_NAME comparisons " +
      "lets a crafted certificate or CRL read memory or crash the process.",
  },
  {
    cve: "CVE-2022-0778",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0817,
    published: "2022-03-15",
    updated: "2022-03-24",
    related: ["RHSA-2022:1066"],
    packages: [
      pkg("openssl-libs", "1.0.2k-22.el7_9", "1.0.2k-24.el7_9", 1),
    ],
    description:
      "BN_mod_sqrt() loops forever on a non-prime modulus, so parsing a " +
      "certificate with crafted explicit curve parameters hangs the peer.",
  },
  {
    cve: "CVE-2021-33909",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0402,
    published: "2021-07-20",
    updated: "2021-07-20",
    related: ["RHSA-2021:2725"],
    packages: [
      pkg("kernel", "3.10.0-1160.31.1.el7", "3.10.0-1160.36.2.el7"),
    ],
    description:
      "The seq_file layer converts a size_t to int, so a local user who " +
      "creates and mounts a very deep directory path can write out of " +
      "bounds in kernel memory (Sequoia).",
  },
  {
    cve: "CVE-2022-1271",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H",
    epss: 0.0072,
    published: "2022-04-07",
    updated: "2022-05-12",
    related: ["RHSA-2022:2191"],
    packages: [
      pkg("gzip", "1.5-10.el7", "1.5-11.el7_9"),
      pkg("xz", "5.2.2-1.el7"),
    ],
    description:
      "zgrep and xzgrep pass file names with newlines to sed unescaped, so " +
      "grepping a file with a crafted name can overwrite arbitrary files.",
  },
  {
    cve: "CVE-2022-25315",
    severity: "CRITICAL",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0245,
    published: "2022-02-18",
    updated: "2022-03-17",
    related: ["RHSA-2022:0951"],
    packages: [pkg("expat", "2.1.0-12.el7", "2.1.0-14.el7_9")],
    description:
      "An integer overflow in expat's storeRawNames() lets a crafted XML " +
      "document corrupt the heap of any program that parses it.",
  },
  {
    cve: "CVE-2022-40674",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0121,
    published: "2022-09-14",
    updated: "2022-10-06",
    related: ["RHSA-2022:6834"],
    packages: [pkg("expat", "2.1.0-12.el7", "2.1.0-15.el7_9")],
    description:
      "doContent() in expat can use memory after freeing it while parsing " +
      "crafted XML, crashing the parser or running attacker code.",
  },
  {
    cve: "CVE-2018-25032",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0058,
    published: "2022-03-25",
    updated: "2022-05-18",
    related: ["RHSA-2022:2213"],
    packages: [pkg("zlib", "1.2.7-19.el7_9", "1.2.7-20.el7_9")],
    description:
      "zlib can corrupt memory while compressing input that has many " +
      "distant matches, which crashes the compressing process.",
  },
  {
    cve: "CVE-2021-27219",
    severity: "HIGH",
    vendorSeverity: "Important",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0049,
    published: "2021-02-15",
    updated: "2021-06-01",
    related: ["RHSA-2021:2147"],
    packages: [pkg("glib2", "2.56.1-8.el7", "2.56.1-9.el7_9")],
    description:
      "g_bytes_new() truncates a 64-bit length to 32 bits, so callers " +
      "passing very large buffers end up with an undersized allocation.",
  },
  {
    cve: "CVE-2023-48795",
    severity: "MEDIUM",
    vendorSeverity: "Moderate",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.6231,
    published: "2023-12-18",
    updated: "2024-01-05",
    related: [],
    packages: [
      pkg("openssh", "7.4p1-21.el7"),
      pkg("openssh-clients", "7.4p1-21.el7"),
      pkg("openssh-server", "7.4p1-21.el7"),
    ],
    description:
      "A man-in-the-middle can delete packets at the start of an SSH " +
      "session's encrypted channel without detection, downgrading " +
      "extension negotiation (Terrapin). No CentOS 7 build was shipped.",
  },
  {
    cve: "CVE-2020-14145",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N",
    epss: 0.0312,
    published: "2020-06-29",
    updated: "2021-02-26",
    related: [],
    packages: [pkg("openssh-clients", "7.4p1-21.el7")],
    description:
      "The ssh client's host key algorithm negotiation reveals whether it " +
      "already knows the server, helping a man-in-the-middle pick targets.",
  },
  {
    cve: "CVE-2018-15919",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
    epss: 0.0415,
    published: "2018-08-28",
    updated: "2019-03-07",
    related: [],
    packages: [pkg("openssh-server", "7.4p1-21.el7")],
    description:
      "sshd's GSS2 authentication answers differently for valid and " +
      "invalid user names, so remote users can enumerate accounts.",
  },
  {
    cve: "CVE-2019-18276",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0011,
    published: "2019-11-28",
    updated: "2020-04-02",
    related: [],
    packages: [pkg("bash", "4.2.46-34.el7")],
    description:
      "bash does not drop privileges correctly when run setuid, so a " +
      "local user who controls such a binary can regain its privileges.",
  },
  {
    cve: "CVE-2024-0727",
    severity: "LOW",
    vendorSeverity: "Low",
    nvd: "AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H",
    epss: 0.0012,
    published: "2024-01-26",
    updated: "2024-02-08",
    related: [],
    packages: [pkg("openssl-libs", "1.0.2k-22.el7_9", undefined, 1)],
    description:
      "Parsing a malformed PKCS#12 file dereferences a NULL pointer and " +
      "crashes the application. Not fixed for RHEL 7 or CentOS 7.",
  },
  {
    cve: "CVE-2019-1010022",
    severity: "INFORMATIONAL",
    vendorSeverity: "Low",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0021,
    published: "2019-07-15",
    updated: "2023-11-07",
    related: [],
    packages: [pkg("glibc", "2.17-317.el7")],
    description:
      "A stack overflow can bypass glibc's stack guard. Upstream disputes " +
      "it as a security issue, as it only matters after another bug.",
  },
];
