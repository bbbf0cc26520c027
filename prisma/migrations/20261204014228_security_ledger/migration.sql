-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "cvss" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "details" JSONB,
ADD COLUMN     "referenceUrls" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "scoreSource" TEXT,
ADD COLUMN     "scoreVector" TEXT,
ADD COLUMN     "sourceUrl" TEXT,
ADD COLUMN     "type" TEXT NOT NULL DEFAULT 'PACKAGE_VULNERABILITY',
ADD COLUMN     "updatedAt" TIMESTAMP(3),
ADD COLUMN     "vendorSeverity" TEXT;

-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "awsCheckedAt" TIMESTAMP(3),
ADD COLUMN     "awsState" TEXT,
ADD COLUMN     "awsStateAt" TIMESTAMP(3),
ADD COLUMN     "fixable" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "otherFindings" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recipeId" TEXT;

-- Backfill: the line of existing images, and their fixable counts.
UPDATE "Image" AS i SET "recipeId" = rv."recipeId"
FROM "RecipeVersion" AS rv WHERE rv."id" = i."recipeVersionId";
ALTER TABLE "Image" ALTER COLUMN "recipeId" SET NOT NULL;
UPDATE "Image" AS i SET "fixable" = (
  SELECT count(*) FROM "Finding" AS f
  WHERE f."imageId" = i."id" AND f."status" = 'ACTIVE'
    AND f."fixAvailable" IN ('YES', 'PARTIAL')
);

-- CreateTable
CREATE TABLE "ResourceFinding" (
    "id" TEXT NOT NULL,
    "findingArn" TEXT,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "resourceType" TEXT,
    "resourceId" TEXT,
    "malformed" BOOLEAN NOT NULL DEFAULT false,
    "problem" TEXT,
    "raw" JSONB NOT NULL,
    "firstObservedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RejectedEvent" (
    "id" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RejectedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountAlert" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "accountId" TEXT,
    "region" TEXT,
    "message" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "AccountAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResourceFinding_findingArn_key" ON "ResourceFinding"("findingArn");

-- CreateIndex
CREATE INDEX "ResourceFinding_resourceType_resourceId_idx" ON "ResourceFinding"("resourceType", "resourceId");

-- CreateIndex
CREATE INDEX "RejectedEvent_receivedAt_idx" ON "RejectedEvent"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AccountAlert_eventId_key" ON "AccountAlert"("eventId");

-- CreateIndex
CREATE INDEX "AccountAlert_createdAt_idx" ON "AccountAlert"("createdAt");

-- CreateIndex
CREATE INDEX "Image_recipeId_createdAt_idx" ON "Image"("recipeId", "createdAt");

-- CreateIndex
CREATE INDEX "Image_status_createdAt_idx" ON "Image"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_recipeId_fkey" FOREIGN KEY ("recipeId") REFERENCES "Recipe"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
