-- The ledger sorts by the total of the active CVE findings of each image;
-- a generated column keeps it in step with the per-severity counts.
ALTER TABLE "Image" ADD COLUMN "totalFindings" INTEGER
  GENERATED ALWAYS AS (
    "critical" + "high" + "medium" + "low" + "informational" + "untriaged"
  ) STORED;

-- Ledger filter by AWS state (newest first), and the finished images
-- checked longest ago for the AWS state check.
CREATE INDEX "Image_awsState_createdAt_idx" ON "Image"("awsState", "createdAt");
CREATE INDEX "Image_awsCheckedAt_idx" ON "Image"("awsCheckedAt");
