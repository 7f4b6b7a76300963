-- CreateEnum
CREATE TYPE "DepartmentLevel" AS ENUM ('city', 'county', 'township');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('designer', 'clerk', 'reviewer', 'head', 'admin', 'supervisor', 'tenderer', 'bidder', 'expert', 'citizen');

-- CreateTable
CREATE TABLE "department" (
    "code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "level" "DepartmentLevel" NOT NULL,
    "parent_code" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "department_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" BIGSERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" "Role"[],
    "department_code" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(6),
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "password_changed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id_hash" TEXT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "csrf_token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(6) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id_hash")
);

-- CreateTable
CREATE TABLE "case_record" (
    "case_id" TEXT NOT NULL,
    "business_key" TEXT NOT NULL,
    "process_key" TEXT NOT NULL,
    "applicant" TEXT NOT NULL,
    "project" JSONB NOT NULL DEFAULT '{}',
    "green_channel" BOOLEAN NOT NULL DEFAULT false,
    "intake_department" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_record_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "case_material" (
    "id" BIGSERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "opinion" (
    "id" BIGSERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "task_id" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "step_name" TEXT NOT NULL,
    "department" TEXT,
    "decision" TEXT,
    "opinion" TEXT,
    "values" JSONB NOT NULL,
    "author" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opinion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_record_business_key_key" ON "case_record"("business_key");

-- CreateIndex
CREATE INDEX "case_material_case_id_idx" ON "case_material"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "opinion_task_id_key" ON "opinion"("task_id");

-- CreateIndex
CREATE INDEX "opinion_case_id_idx" ON "opinion"("case_id");

-- AddForeignKey
ALTER TABLE "department" ADD CONSTRAINT "department_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "department"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_department_code_fkey" FOREIGN KEY ("department_code") REFERENCES "department"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_material" ADD CONSTRAINT "case_material_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("case_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opinion" ADD CONSTRAINT "opinion_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_record"("case_id") ON DELETE CASCADE ON UPDATE CASCADE;

