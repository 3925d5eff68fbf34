-- CreateIndex
CREATE INDEX "Assignment_roundId_status_idx" ON "Assignment"("roundId", "status");
