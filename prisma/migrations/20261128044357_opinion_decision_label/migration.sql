-- AlterTable
ALTER TABLE "opinion" ADD COLUMN     "decision_label" TEXT;

