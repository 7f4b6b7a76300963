-- CreateTable
CREATE TABLE "procedure_draft" (
    "id" BIGSERIAL NOT NULL,
    "process_key" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "xml" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "procedure_deployment" (
    "id" BIGSERIAL NOT NULL,
    "deployment_id" TEXT,
    "resource_names" TEXT[],
    "definitions" JSONB NOT NULL DEFAULT '[]',
    "duplicate" BOOLEAN NOT NULL DEFAULT false,
    "author" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "procedure_deployment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "procedure_draft_process_key_created_at_idx" ON "procedure_draft"("process_key", "created_at");

-- CreateIndex
CREATE INDEX "procedure_deployment_created_at_idx" ON "procedure_deployment"("created_at");

