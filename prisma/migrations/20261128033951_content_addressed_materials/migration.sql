-- Materials move to content-addressed storage: existing contents are copied into
-- stored_file (one row per SHA-256) before the column is dropped, so nothing is lost.

-- AlterTable
ALTER TABLE "case_record" ADD COLUMN     "catalogue_code" TEXT,
ADD COLUMN     "catalogue_version" INTEGER;

-- CreateTable
CREATE TABLE "stored_file" (
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_file_pkey" PRIMARY KEY ("sha256")
);

-- Copy existing material contents (hand-written step)
INSERT INTO "stored_file" ("sha256", "size", "content")
SELECT DISTINCT ON ("sha256") "sha256", "size", "content" FROM "case_material" ORDER BY "sha256", "id";

-- AlterTable
ALTER TABLE "case_material" DROP COLUMN "content",
ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "case_record_created_by_idx" ON "case_record"("created_by");

-- AddForeignKey
ALTER TABLE "case_material" ADD CONSTRAINT "case_material_sha256_fkey" FOREIGN KEY ("sha256") REFERENCES "stored_file"("sha256") ON DELETE RESTRICT ON UPDATE CASCADE;
