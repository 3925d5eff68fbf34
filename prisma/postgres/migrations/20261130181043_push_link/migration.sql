-- CreateTable
CREATE TABLE "PushLink" (
    "courseId" TEXT NOT NULL,
    "courseKey" TEXT NOT NULL,
    "format" INTEGER NOT NULL,
    "keyVersion" INTEGER NOT NULL,
    "iv" TEXT NOT NULL,
    "authTag" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "lastPushAt" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3),
    "lastFailureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PushLink_pkey" PRIMARY KEY ("courseId")
);

-- CreateTable
CREATE TABLE "PushDelivery" (
    "courseId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PushDelivery_pkey" PRIMARY KEY ("courseId","deliveryId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PushLink_courseKey_key" ON "PushLink"("courseKey");

-- CreateIndex
CREATE INDEX "PushDelivery_receivedAt_idx" ON "PushDelivery"("receivedAt");

-- AddForeignKey
ALTER TABLE "PushLink" ADD CONSTRAINT "PushLink_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushDelivery" ADD CONSTRAINT "PushDelivery_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;
