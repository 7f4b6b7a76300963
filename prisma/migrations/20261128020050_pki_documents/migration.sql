-- CreateEnum
CREATE TYPE "CertificateKind" AS ENUM ('root', 'seal', 'user');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('licence', 'decision', 'report');

-- CreateTable
CREATE TABLE "certificate" (
    "serial" TEXT NOT NULL,
    "kind" "CertificateKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "department_code" TEXT,
    "username" TEXT,
    "pem" TEXT NOT NULL,
    "encrypted_key" BYTEA,
    "not_before" TIMESTAMPTZ(6) NOT NULL,
    "not_after" TIMESTAMPTZ(6) NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT false,
    "revoked_at" TIMESTAMPTZ(6),
    "revocation_reason" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificate_pkey" PRIMARY KEY ("serial")
);

-- CreateTable
CREATE TABLE "signed_document" (
    "id" BIGSERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "case_id" TEXT,
    "content" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "required_signers" TEXT[],
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signed_document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_signature" (
    "id" BIGSERIAL NOT NULL,
    "document_id" BIGINT NOT NULL,
    "certificate_serial" TEXT NOT NULL,
    "signer" TEXT NOT NULL,
    "cms" BYTEA NOT NULL,
    "signed_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "document_signature_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "certificate_department_code_idx" ON "certificate"("department_code");

-- CreateIndex
CREATE INDEX "certificate_username_idx" ON "certificate"("username");

-- CreateIndex
CREATE UNIQUE INDEX "signed_document_number_key" ON "signed_document"("number");

-- CreateIndex
CREATE INDEX "signed_document_case_id_idx" ON "signed_document"("case_id");

-- CreateIndex
CREATE INDEX "signed_document_sha256_idx" ON "signed_document"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "document_signature_document_id_signer_key" ON "document_signature"("document_id", "signer");

-- AddForeignKey
ALTER TABLE "document_signature" ADD CONSTRAINT "document_signature_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "signed_document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_signature" ADD CONSTRAINT "document_signature_certificate_serial_fkey" FOREIGN KEY ("certificate_serial") REFERENCES "certificate"("serial") ON DELETE RESTRICT ON UPDATE CASCADE;

