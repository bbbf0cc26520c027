// Plain-text mails. Pure, so the wording is tested without SMTP.

export interface ImageFacts {
  recipe: string;
  version: string;
  team: string;
  pipeline: string | null;
  url: string;
}

export interface DigestFinding {
  vulnerabilityId: string;
  severity: string;
  packageName: string | null;
  fixedInVersion: string | null;
}

function subjectOf(image: ImageFacts): string {
  return `${image.recipe} ${image.version}`;
}

function footer(image: ImageFacts): string {
  const source = image.pipeline ? `Pipeline: ${image.pipeline}\n` : "";

  return `${source}Team: ${image.team}\nDetails: ${image.url}\n`;
}

export function buildFailedMail(image: ImageFacts, reason: string | null) {
  return {
    subject: `[AMI portal] Build failed: ${subjectOf(image)}`,
    text:
      `The image build ${subjectOf(image)} failed.\n\n` +
      `Reason: ${reason ?? "Image Builder gave no reason."}\n\n` +
      footer(image),
  };
}

export function imageAvailableMail(
  image: ImageFacts,
  amis: { region: string; accountId: string; amiId: string }[],
) {
  const lines = amis.map(
    (ami) => `  ${ami.region}  ${ami.accountId || "-"}  ${ami.amiId}`,
  );

  return {
    subject: `[AMI portal] Image available: ${subjectOf(image)}`,
    text:
      `The image ${subjectOf(image)} is available.\n\n` +
      `AMIs:\n${lines.join("\n") || "  (none reported)"}\n\n` +
      footer(image),
  };
}

/** One mail per image listing every new critical and high finding. */
export function findingsDigestMail(
  image: ImageFacts,
  findings: DigestFinding[],
  reportUrl: string | null,
) {
  const critical = findings.filter((f) => f.severity === "CRITICAL").length;
  const high = findings.length - critical;
  const lines = findings.map((f) => {
    const fix = f.fixedInVersion ? ` (fixed in ${f.fixedInVersion})` : "";

    return `  ${f.severity.padEnd(8)} ${f.vulnerabilityId}  ${f.packageName ?? "-"}${fix}`;
  });
  const report = reportUrl ? `Full report: ${reportUrl}\n` : "";

  return {
    subject:
      `[AMI portal] ${critical} critical, ${high} high findings: ` +
      subjectOf(image),
    text:
      `Inspector found ${findings.length} critical or high ` +
      `vulnerabilities in ${subjectOf(image)}.\n\n${lines.join("\n")}\n\n` +
      report +
      footer(image),
  };
}

export function componentReviewMail(review: {
  component: string;
  version: string;
  decision: "approved" | "rejected";
  reviewer: string;
  comment?: string | null;
  url: string;
}) {
  const verdict = review.decision === "approved" ? "approved" : "rejected";
  const comment = review.comment ? `\nComment: ${review.comment}\n` : "";

  return {
    subject: `[AMI portal] Component ${verdict}: ${review.component} ${review.version}`,
    text:
      `${review.reviewer} ${verdict} ${review.component} ${review.version}.\n` +
      comment +
      `\nDetails: ${review.url}\n`,
  };
}
