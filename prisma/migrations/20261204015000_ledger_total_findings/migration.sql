-- The ledger sorts by the total of an image's active CVE findings; a
-- generated column keeps it in step with the per-severity counts.
ALTER TABLE "Image" ADD COLUMN "totalFindings" INTEGER
  GENERATED ALWAYS AS (
    "critical" + "high" + "medium" + "low" + "informational" + "untriaged"
  ) STORED;

-- Ledger: newest first within an AWS state, and the oldest-checked
-- finished images for the AWS state check.
CREATE INDEX "Image_awsState_createdAt_idx" ON "Image"("awsState", "createdAt");
CREATE INDEX "Image_awsCheckedAt_idx" ON "Image"("awsCheckedAt");
