import { type Advisory, pkg } from "./types";

// Ubuntu 18.04 left standard support on 2023-05-31. Later fixes ship only
// through ESM (Ubuntu Pro), which a plain AMI cannot install, so they
// carry no fixed version here.
export const UBUNTU1804_ADVISORIES: readonly Advisory[] = [
  {
    cve: "CVE-2021-4034",
    severity: "HIGH",
    vendorSeverity: "high",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.8571,
    published: "2022-01-25",
    updated: "2022-01-25",
    related: ["USN-5252-1"],
    exploitedAt: "2022-06-27",
    packages: [
      pkg("policykit-1", "0.105-20ubuntu0.18.04.5", "0.105-20ubuntu0.18.04.6"),
    ],
    description:
      "pkexec mishandles an empty argument list and treats environment " +
      "variables as arguments, so any local user can run code as root " +
      "(PwnKit).",
  },
  {
    cve: "CVE-2021-3156",
    severity: "HIGH",
    vendorSeverity: "high",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.9338,
    published: "2021-01-26",
    updated: "2021-01-26",
    related: ["USN-4705-1"],
    exploitedAt: "2022-04-06",
    packages: [pkg("sudo", "1.8.21p2-3ubuntu1.3", "1.8.21p2-3ubuntu1.4")],
    description:
      "sudoedit -s with an argument ending in a backslash overflows a heap " +
      "buffer, giving any local user root without knowing a password " +
      "(Baron Samedit).",
  },
  {
    cve: "CVE-2023-0286",
    severity: "HIGH",
    vendorSeverity: "high",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H",
    epss: 0.0136,
    published: "2023-02-07",
    updated: "2023-02-07",
    related: ["USN-5844-1"],
    packages: [
      pkg(
        "libssl1.1",
        "1.1.1-1ubuntu2.1~18.04.20",
        "1.1.1-1ubuntu2.1~18.04.21",
      ),
    ],
    description:
      "A type confusion on X.400 addresses in GENERAL_NAME comparisons " +
      "lets a crafted certificate or CRL read memory or crash the process.",
  },
  {
    cve: "CVE-2023-2650",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0105,
    published: "2023-05-30",
    updated: "2023-05-30",
    related: ["USN-6119-1"],
    packages: [
      pkg(
        "libssl1.1",
        "1.1.1-1ubuntu2.1~18.04.20",
        "1.1.1-1ubuntu2.1~18.04.23",
      ),
    ],
    description:
      "OBJ_obj2txt() takes quadratic time on very long object identifiers, " +
      "so a crafted certificate can tie up a verifying process.",
  },
  {
    cve: "CVE-2018-25032",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0058,
    published: "2022-03-25",
    updated: "2022-03-28",
    related: ["USN-5355-1"],
    packages: [
      pkg("zlib1g", "1.2.11.dfsg-0ubuntu2", "1.2.11.dfsg-0ubuntu2.1", 1),
    ],
    description:
      "zlib can corrupt memory while compressing input that has many " +
      "distant matches, which crashes the compressing process.",
  },
  {
    cve: "CVE-2022-37434",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.0259,
    published: "2022-08-05",
    updated: "2022-08-10",
    related: ["USN-5570-1"],
    packages: [
      pkg("zlib1g", "1.2.11.dfsg-0ubuntu2", "1.2.11.dfsg-0ubuntu2.2", 1),
    ],
    description:
      "inflate() overflows a heap buffer when an application reads a gzip " +
      "header with a large extra field through inflateGetHeader().",
  },
  {
    cve: "CVE-2022-1271",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H",
    epss: 0.0072,
    published: "2022-04-07",
    updated: "2022-04-07",
    related: ["USN-5378-1"],
    packages: [pkg("gzip", "1.6-5ubuntu1.1", "1.6-5ubuntu1.2")],
    description:
      "zgrep passes file names with newlines to sed unescaped, so grepping " +
      "a file with a crafted name can overwrite arbitrary files.",
  },
  {
    cve: "CVE-2021-33910",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0009,
    published: "2021-07-20",
    updated: "2021-07-20",
    related: ["USN-5013-1"],
    packages: [pkg("systemd", "237-3ubuntu10.49", "237-3ubuntu10.50")],
    description:
      "systemd allocates a mount path on the stack with alloca(), so a " +
      "local user mounting a very long path through FUSE crashes PID 1.",
  },
  {
    cve: "CVE-2023-24329",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.0033,
    published: "2023-02-17",
    updated: "2023-06-05",
    related: ["USN-6139-1"],
    packages: [
      pkg("python3.6", "3.6.9-1~18.04ubuntu1.9", "3.6.9-1~18.04ubuntu1.12"),
      pkg("python2.7", "2.7.17-1~18.04ubuntu1.10"),
    ],
    description:
      "urllib.parse keeps leading blanks in a URL, so a URL starting with " +
      "spaces slips past scheme and host block lists.",
  },
  {
    cve: "CVE-2023-38408",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    epss: 0.5962,
    published: "2023-07-19",
    updated: "2023-07-20",
    related: [],
    packages: [pkg("openssh-client", "7.6p1-4ubuntu0.7", undefined, 1)],
    description:
      "ssh-agent loads PKCS#11 providers from an insecure search path, so " +
      "a host reached through agent forwarding can make it run libraries " +
      "present on the client. Fixed for 18.04 only in ESM.",
  },
  {
    cve: "CVE-2023-48795",
    severity: "MEDIUM",
    vendorSeverity: "medium",
    nvd: "AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:N",
    epss: 0.6231,
    published: "2023-12-18",
    updated: "2023-12-19",
    related: [],
    packages: [
      pkg("openssh-client", "7.6p1-4ubuntu0.7", undefined, 1),
      pkg("openssh-server", "7.6p1-4ubuntu0.7", undefined, 1),
    ],
    description:
      "A man-in-the-middle can delete packets at the start of an SSH " +
      "session's encrypted channel without detection (Terrapin). Fixed " +
      "for 18.04 only in ESM.",
  },
  {
    cve: "CVE-2016-2781",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:C/C:N/I:H/A:N",
    epss: 0.0004,
    published: "2017-02-07",
    updated: "2017-02-07",
    related: [],
    packages: [pkg("coreutils", "8.28-1ubuntu1")],
    description:
      "chroot --userspec keeps the terminal, so a program run inside can " +
      "push characters back into the calling shell's input.",
  },
  {
    cve: "CVE-2023-4016",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:L/AC:H/PR:L/UI:N/S:U/C:N/I:N/A:L",
    epss: 0.0004,
    published: "2023-08-02",
    updated: "2023-08-02",
    related: [],
    packages: [pkg("procps", "3.3.12-3ubuntu1.2", undefined, 2)],
    description:
      "ps can be made to write large amounts of unfiltered data into its " +
      "heap through crafted command-line arguments.",
  },
  {
    cve: "CVE-2023-29383",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:L/A:N",
    epss: 0.0004,
    published: "2023-04-14",
    updated: "2023-04-14",
    related: [],
    packages: [pkg("passwd", "4.5-1ubuntu2.3", undefined, 1)],
    description:
      "chfn accepts control characters in GECOS fields, so a local user " +
      "can write misleading text into /etc/passwd views.",
  },
  {
    cve: "CVE-2022-0563",
    severity: "LOW",
    vendorSeverity: "low",
    nvd: "AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
    epss: 0.0004,
    published: "2022-02-21",
    updated: "2022-02-21",
    related: [],
    packages: [pkg("util-linux", "2.31.1-0.4ubuntu3.7")],
    description:
      "chfn and chsh built with readline honour INPUTRC, letting a local " +
      "user read parts of root-owned files through error messages.",
  },
  {
    cve: "CVE-2017-11164",
    severity: "INFORMATIONAL",
    vendorSeverity: "negligible",
    nvd: "AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
    epss: 0.0051,
    published: "2017-07-11",
    updated: "2017-07-11",
    related: [],
    packages: [pkg("libpcre3", "8.39-9", undefined, 2)],
    description:
      "Deeply nested patterns exhaust the stack in PCRE's recursive " +
      "matcher. Ubuntu treats it as negligible and ships no fix.",
  },
];
