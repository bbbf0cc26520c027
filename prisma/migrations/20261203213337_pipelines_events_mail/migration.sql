-- AlterTable
ALTER TABLE "Image" ADD COLUMN     "pipelineId" TEXT;

-- CreateTable
CREATE TABLE "InfrastructurePreset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "instanceTypes" TEXT[],
    "instanceProfileName" TEXT NOT NULL,
    "subnetId" TEXT,
    "securityGroupIds" TEXT[],
    "httpTokensRequired" BOOLEAN NOT NULL DEFAULT true,
    "terminateOnFailure" BOOLEAN NOT NULL DEFAULT true,
    "logBucket" TEXT,
    "logPrefix" TEXT,
    "snsTopicArn" TEXT,
    "resourceTags" JSONB NOT NULL,
    "arn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InfrastructurePreset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DistributionSetting" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "regions" JSONB NOT NULL,
    "arn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DistributionSetting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pipeline" (
    "id" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "teamId" TEXT NOT NULL,
    "recipeVersionId" TEXT NOT NULL,
    "infrastructurePresetId" TEXT NOT NULL,
    "distributionSettingId" TEXT NOT NULL,
    "scheduleExpression" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "startCondition" TEXT NOT NULL DEFAULT 'EXPRESSION_MATCH_AND_DEPENDENCY_UPDATES_AVAILABLE',
    "testsEnabled" BOOLEAN NOT NULL DEFAULT true,
    "scanningEnabled" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'ENABLED',
    "arn" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pipeline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedEvent" (
    "id" TEXT NOT NULL,
    "detailType" TEXT NOT NULL,
    "resource" TEXT,
    "outcome" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastStartedAt" TIMESTAMP(3),
    "lastEndedAt" TIMESTAMP(3),
    "lastItems" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "runs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "to" TEXT[],
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "messageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingsReport" (
    "id" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "jsonUri" TEXT NOT NULL,
    "csvUri" TEXT NOT NULL,
    "findings" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingsReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InfrastructurePreset_name_key" ON "InfrastructurePreset"("name");

-- CreateIndex
CREATE UNIQUE INDEX "InfrastructurePreset_arn_key" ON "InfrastructurePreset"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "DistributionSetting_name_key" ON "DistributionSetting"("name");

-- CreateIndex
CREATE UNIQUE INDEX "DistributionSetting_arn_key" ON "DistributionSetting"("arn");

-- CreateIndex
CREATE UNIQUE INDEX "Pipeline_nameKey_key" ON "Pipeline"("nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "Pipeline_arn_key" ON "Pipeline"("arn");

-- CreateIndex
CREATE INDEX "Pipeline_teamId_idx" ON "Pipeline"("teamId");

-- CreateIndex
CREATE INDEX "ProcessedEvent_receivedAt_idx" ON "ProcessedEvent"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailMessage_dedupKey_key" ON "MailMessage"("dedupKey");

-- CreateIndex
CREATE INDEX "MailMessage_createdAt_idx" ON "MailMessage"("createdAt");

-- CreateIndex
CREATE INDEX "FindingsReport_imageId_createdAt_idx" ON "FindingsReport"("imageId", "createdAt");

-- CreateIndex
CREATE INDEX "Image_pipelineId_createdAt_idx" ON "Image"("pipelineId", "createdAt");

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "Pipeline"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_recipeVersionId_fkey" FOREIGN KEY ("recipeVersionId") REFERENCES "RecipeVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_infrastructurePresetId_fkey" FOREIGN KEY ("infrastructurePresetId") REFERENCES "InfrastructurePreset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_distributionSettingId_fkey" FOREIGN KEY ("distributionSettingId") REFERENCES "DistributionSetting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pipeline" ADD CONSTRAINT "Pipeline_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingsReport" ADD CONSTRAINT "FindingsReport_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
