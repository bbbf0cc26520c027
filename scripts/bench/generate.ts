// Synthetic fleet for the benchmark: image lines, versions and the CVE pool,
// drawn from a seeded generator so every run seeds the same data.

export const SCALE = {
  images: 2_000,
  findings: 600_000,
  lines: 150,
  cves: 4_000,
  diffFindings: 1_000,
};

export const EXTRA_TEAMS = [
  "checkout",
  "search",
  "identity",
  "data-platform",
  "mobile-api",
  "risk",
  "platform-sre",
];

const SEVERITIES: [string, number][] = [
  ["CRITICAL", 0.05],
  ["HIGH", 0.24],
  ["MEDIUM", 0.45],
  ["LOW", 0.2],
  ["INFORMATIONAL", 0.03],
  ["UNTRIAGED", 0.03],
];

const PACKAGES = [
  "openssl", "glibc", "curl", "libxml2", "sudo", "systemd", "kernel",
  "openssh", "bash", "zlib", "expat", "python3", "perl", "vim-minimal",
  "libtiff", "sqlite", "krb5-libs", "gnutls", "nss", "libssh", "git",
  "tar", "cpio", "binutils", "gcc", "libarchive", "pcre2", "libpng",
  "ncurses", "less", "nginx", "nodejs", "openjdk-17", "containerd",
  "runc", "docker-ce", "libgcrypt", "dbus", "polkit", "libx11",
];

const PORTS = [
  22, 80, 443, 3389, 8080, 5432, 3306, 6379, 9200, 27017, 21, 23, 25, 110,
  135, 139, 445, 1433, 5900, 11211,
];

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Cve {
  idx: number;
  vuln: string;
  type: string;
  title: string;
  description: string;
  severity: string;
  score: number | null;
  vector: string | null;
  source: string;
  epss: number | null;
  exploit: boolean;
  fix: string;
  pkg: string | null;
  installed: string | null;
  fixed: string | null;
}

/** The CVE pool; low indexes are the popular ones (see `drawCves`). */
export function cvePool(rand = random(7)): Cve[] {
  return Array.from({ length: SCALE.cves }, (_, idx) => {
    // One in 200 pool entries is a network reachability finding.
    if (idx % 200 === 199) return networkFinding(idx, rand);

    const severity = pick(SEVERITIES, rand());
    const score = scoreFor(severity, rand());
    const pkg = PACKAGES[Math.floor(rand() * PACKAGES.length)];
    const fixRoll = rand();
    const fix = fixRoll < 0.62 ? "YES" : fixRoll < 0.72 ? "PARTIAL" : "NO";
    const year = 2016 + Math.floor(rand() * 10);
    const vuln = `CVE-${year}-${String(10_000 + idx * 7).padStart(5, "0")}`;
    const minor = 1 + Math.floor(rand() * 30);
    const exploitOdds = severity === "CRITICAL" ? 0.3 : 0.04;

    return {
      idx,
      vuln,
      type: "PACKAGE_VULNERABILITY",
      title: `${vuln} - ${pkg}`,
      description:
        `A flaw was found in ${pkg}. A remote attacker could use a crafted ` +
        `input to cause a denial of service or possibly execute code ` +
        `(pool entry ${idx}).`,
      severity,
      score,
      vector: score === null ? null : "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H",
      source: rand() < 0.6 ? "NVD" : "VENDOR",
      epss: rand() < 0.9 ? Number((rand() ** 6).toFixed(5)) : null,
      exploit: rand() < exploitOdds,
      fix,
      pkg,
      installed: `${1 + (idx % 4)}.${minor}.${idx % 10}`,
      fixed:
        fix === "NO" ? null : `${1 + (idx % 4)}.${minor}.${10 + (idx % 9)}`,
    };
  });
}

/**
 * `count` distinct pool indexes with skewed popularity: index ⌊pool·u³⌋,
 * so the first few dozen CVEs reach most images and the tail few.
 */
export function drawCves(count: number, rand: () => number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) {
    chosen.add(Math.floor(SCALE.cves * rand() ** 3));
  }

  return [...chosen].sort((a, b) => a - b);
}

export interface LinePlan {
  index: number;
  name: string;
  team: string;
  golden: number;
  versions: number;
}

/** The image lines with a version count each, adding up to the images. */
export function linePlans(teams: string[], rand = random(11)): LinePlan[] {
  const weights = Array.from({ length: SCALE.lines }, () => 0.3 + rand());
  const total = weights.reduce((sum, w) => sum + w, 0);
  const versions = weights.map((w) =>
    Math.max(2, Math.round((w / total) * SCALE.images)),
  );
  let drift = SCALE.images - versions.reduce((sum, v) => sum + v, 0);
  for (let i = 0; drift !== 0; i = (i + 1) % versions.length) {
    const step = drift > 0 ? 1 : -1;
    if (versions[i] + step < 2) continue;
    versions[i] += step;
    drift -= step;
  }

  return versions.map((count, index) => ({
    index,
    name: `line-${String(index).padStart(3, "0")}`,
    team: teams[index % teams.length],
    golden: Math.floor(rand() * 6),
    versions: count,
  }));
}

/** Status of a build: the newest one of a line may still be running. */
export function buildStatus(latest: boolean, rand: () => number): string {
  const roll = rand();
  if (latest && roll < 0.05) return "BUILDING";
  if (roll < 0.07) return "FAILED";
  if (roll < 0.1) return "CANCELLED";

  return "AVAILABLE";
}

function networkFinding(idx: number, rand: () => number): Cve {
  const port = PORTS[Math.floor(idx / 200) % PORTS.length];
  const title = `Port ${port} is reachable from an Internet Gateway`;

  return {
    idx,
    vuln: title,
    type: "NETWORK_REACHABILITY",
    title,
    description: `TCP port ${port} is reachable through an open path.`,
    severity: rand() < 0.5 ? "MEDIUM" : "LOW",
    score: null,
    vector: null,
    source: "INSPECTOR",
    epss: null,
    exploit: false,
    fix: "NO",
    pkg: null,
    installed: null,
    fixed: null,
  };
}

function pick(table: [string, number][], roll: number): string {
  let acc = 0;
  for (const [value, share] of table) {
    acc += share;
    if (roll < acc) return value;
  }

  return table[table.length - 1][0];
}

function scoreFor(severity: string, roll: number): number | null {
  const ranges: Record<string, [number, number]> = {
    CRITICAL: [9, 10],
    HIGH: [7, 8.9],
    MEDIUM: [4, 6.9],
    LOW: [0.1, 3.9],
  };
  const range = ranges[severity];
  if (!range) return null;

  return Math.round((range[0] + roll * (range[1] - range[0])) * 10) / 10;
}
