-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BlogSecret" (
    "courseId" TEXT NOT NULL PRIMARY KEY,
    "format" INTEGER NOT NULL DEFAULT 1,
    "keyVersion" INTEGER NOT NULL,
    "iv" TEXT NOT NULL,
    "authTag" TEXT NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BlogSecret_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BlogSecret" ("authTag", "ciphertext", "courseId", "iv", "keyVersion", "updatedAt") SELECT "authTag", "ciphertext", "courseId", "iv", "keyVersion", "updatedAt" FROM "BlogSecret";
DROP TABLE "BlogSecret";
ALTER TABLE "new_BlogSecret" RENAME TO "BlogSecret";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
