export const SEED_TEAMS = [
  {
    slug: "ccoe",
    name: "Cloud Center of Excellence",
    isCcoe: true,
    email: "ccoe@example.com",
  },
  {
    slug: "payments",
    name: "Payments",
    isCcoe: false,
    email: "payments-eng@example.com",
  },
  {
    slug: "analytics",
    name: "Analytics",
    isCcoe: false,
    email: "analytics-eng@example.com",
  },
] as const;

export const DEMO_USERS = [
  { email: "eric@example.com", name: "Eric Engineer", role: "engineer", team: "payments" },
  { email: "emma@example.com", name: "Emma Engineer", role: "engineer", team: "analytics" },
  { email: "rachel@example.com", name: "Rachel Reviewer", role: "reviewer", team: "ccoe" },
  { email: "ravi@example.com", name: "Ravi Reviewer", role: "reviewer", team: "ccoe" },
  { email: "sofia@example.com", name: "Sofia Security", role: "security", team: null },
  { email: "alice@example.com", name: "Alice Admin", role: "admin", team: "ccoe" },
] as const;

export const GOLDEN_IMAGES = [
  {
    osKey: "centos7",
    slug: "centos-7",
    name: "CentOS 7",
    currentVersion: "2024.06.3",
    description:
      "Legacy line, end of life since June 2024. Kept for workloads " +
      "still migrating off the old bakery.",
  },
  {
    osKey: "ubuntu1804",
    slug: "ubuntu-18-04",
    name: "Ubuntu 18.04 LTS",
    currentVersion: "2025.05.1",
    description:
      "Legacy line (standard support ended 2023). Moved from the old " +
      "bakery together with CentOS 7.",
  },
  {
    osKey: "al2023",
    slug: "amazon-linux-2023",
    name: "Amazon Linux 2023",
    currentVersion: "2026.11.2",
    description: "Default Linux base for new services.",
  },
  {
    osKey: "ubuntu2204",
    slug: "ubuntu-22-04",
    name: "Ubuntu 22.04 LTS",
    currentVersion: "2026.11.1",
    description: "Debian-family base with the CCOE hardening baseline.",
  },
  {
    osKey: "rhel9",
    slug: "rhel-9",
    name: "Red Hat Enterprise Linux 9",
    currentVersion: "2026.10.4",
    description: "For vendor software certified on RHEL.",
  },
  {
    osKey: "windows2022",
    slug: "windows-server-2022",
    name: "Windows Server 2022",
    currentVersion: "2026.11.1",
    description: "Full base (English) with the CCOE Windows baseline.",
  },
] as const;
