import { describe, expect, it } from "vitest";

import {
  buildFailedMail,
  componentReviewMail,
  findingsDigestMail,
} from "./templates";

const image = {
  recipe: "al2023-api",
  version: "1.0.0/3",
  team: "Payments",
  pipeline: "nightly",
  url: "http://portal/images/i1",
};

describe("mail templates", () => {
  it("one digest lists every critical and high finding", () => {
    const mail = findingsDigestMail(
      image,
      [
        { vulnerabilityId: "CVE-1", severity: "CRITICAL", packageName: "a", fixedInVersion: "2" },
        { vulnerabilityId: "CVE-2", severity: "HIGH", packageName: "b", fixedInVersion: null },
        { vulnerabilityId: "CVE-3", severity: "HIGH", packageName: null, fixedInVersion: null },
      ],
      "http://portal/api/reports/r1/csv",
    );

    expect(mail.subject).toBe(
      "[AMI portal] 1 critical, 2 high findings: al2023-api 1.0.0/3",
    );
    expect(mail.text).toContain("CVE-1  a (fixed in 2)");
    expect(mail.text).toContain("CVE-3  -");
    expect(mail.text).toContain("Full report: http://portal/api/reports/r1/csv");
    expect(mail.text).toContain("Pipeline: nightly");
  });

  it("a failed build carries the reason", () => {
    const mail = buildFailedMail(image, "Step 'x' failed");

    expect(mail.subject).toBe("[AMI portal] Build failed: al2023-api 1.0.0/3");
    expect(mail.text).toContain("Reason: Step 'x' failed");
  });

  it("a review decision names the reviewer and comment", () => {
    const mail = componentReviewMail({
      component: "nginx",
      version: "1.2.0",
      decision: "rejected",
      reviewer: "Rachel",
      comment: "pin the repo",
      url: "http://portal/components/c1",
    });

    expect(mail.subject).toBe("[AMI portal] Component rejected: nginx 1.2.0");
    expect(mail.text).toContain("Comment: pin the repo");
  });
});
