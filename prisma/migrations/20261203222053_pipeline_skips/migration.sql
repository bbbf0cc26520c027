-- AlterTable
ALTER TABLE "Pipeline" ADD COLUMN     "skipsCheckedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PipelineSkip" (
    "id" TEXT NOT NULL,
    "pipelineId" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PipelineSkip_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PipelineSkip_pipelineId_scheduledFor_key" ON "PipelineSkip"("pipelineId", "scheduledFor");

-- AddForeignKey
ALTER TABLE "PipelineSkip" ADD CONSTRAINT "PipelineSkip_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "Pipeline"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
