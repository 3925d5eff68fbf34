-- CreateTable
CREATE TABLE "PushLink" (
    "courseId" TEXT NOT NULL PRIMARY KEY,
    "courseKey" TEXT NOT NULL,
    "format" INTEGER NOT NULL,
    "keyVersion" INTEGER NOT NULL,
    "iv" TEXT NOT NULL,
    "authTag" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "lastPushAt" DATETIME,
    "lastFailureAt" DATETIME,
    "lastFailureReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PushLink_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PushDelivery" (
    "courseId" TEXT NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,

    PRIMARY KEY ("courseId", "deliveryId"),
    CONSTRAINT "PushDelivery_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PushLink_courseKey_key" ON "PushLink"("courseKey");

-- CreateIndex
CREATE INDEX "PushDelivery_receivedAt_idx" ON "PushDelivery"("receivedAt");
