-- CreateEnum
CREATE TYPE "ClockStopReason" AS ENUM ('correction', 'hearing', 'tendering', 'testing', 'inspection', 'quarantine', 'appraisal', 'expert_review');

-- CreateEnum
CREATE TYPE "WarningLevel" AS ENUM ('yellow', 'red');

-- CreateEnum
CREATE TYPE "WarningScope" AS ENUM ('case', 'step');

-- CreateTable
CREATE TABLE "calendar_year" (
    "year" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "days_off" TEXT[],
    "make_up_workdays" TEXT[],
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "clock_stop" (
    "id" BIGSERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "reason" "ClockStopReason" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "paused_by" TEXT NOT NULL,
    "paused_at" TIMESTAMPTZ(6) NOT NULL,
    "snapshot" JSONB NOT NULL,
    "resumed_by" TEXT,
    "resumed_at" TIMESTAMPTZ(6),
    "shifted_working_days" INTEGER,

    CONSTRAINT "clock_stop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warning" (
    "id" BIGSERIAL NOT NULL,
    "case_id" TEXT NOT NULL,
    "business_key" TEXT,
    "level" "WarningLevel" NOT NULL,
    "scope" "WarningScope" NOT NULL,
    "step" TEXT,
    "department" TEXT,
    "assignee" TEXT,
    "due_at" TIMESTAMPTZ(6) NOT NULL,
    "fired_at" TIMESTAMPTZ(6) NOT NULL,
    "external_task_id" TEXT NOT NULL,

    CONSTRAINT "warning_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "clock_stop_case_id_paused_at_idx" ON "clock_stop"("case_id", "paused_at");

-- CreateIndex
CREATE UNIQUE INDEX "warning_external_task_id_key" ON "warning"("external_task_id");

-- CreateIndex
CREATE INDEX "warning_case_id_idx" ON "warning"("case_id");

-- CreateIndex
CREATE INDEX "warning_department_fired_at_idx" ON "warning"("department", "fired_at");

