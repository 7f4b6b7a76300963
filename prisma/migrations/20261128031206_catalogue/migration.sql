-- CreateTable
CREATE TABLE "catalogue_item" (
    "code" TEXT NOT NULL,
    "current_version" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "catalogue_item_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "catalogue_item_version" (
    "item_code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "department_code" TEXT NOT NULL,
    "process_key" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "change_note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "catalogue_item_version_pkey" PRIMARY KEY ("item_code","version")
);

-- CreateIndex
CREATE INDEX "catalogue_item_version_department_code_idx" ON "catalogue_item_version"("department_code");

-- AddForeignKey
ALTER TABLE "catalogue_item_version" ADD CONSTRAINT "catalogue_item_version_item_code_fkey" FOREIGN KEY ("item_code") REFERENCES "catalogue_item"("code") ON DELETE CASCADE ON UPDATE CASCADE;

