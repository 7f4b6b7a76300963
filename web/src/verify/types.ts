import type { DocumentSummary } from '../../../src/documents/service.js';
import type { SignerReport, VerificationReport, VerificationStatus } from '../../../src/documents/verification.js';

/** Shapes of the verification API (src/documents/routes.ts); type-only imports, nothing of the server is bundled. */
export type { SignerReport, VerificationReport, VerificationStatus };
export type DocumentKind = DocumentSummary['kind'];
export type SignerStatus = SignerReport['status'];

/** What the public learns about a document: the summary without the case it belongs to. */
export type PublicDocument = Omit<DocumentSummary, 'caseId'>;

/** `GET /api/verify/:number` and `POST /api/verify`; `document` is null for a file this platform never issued. */
export interface VerificationView {
  document: PublicDocument | null;
  report: VerificationReport;
}

export const verifyPath = (number: string) => `/verify/${encodeURIComponent(number)}`;
export const signatureUrl = (number: string, signer: string) => `/api/documents/${encodeURIComponent(number)}/signatures/${encodeURIComponent(signer)}`;

/** LIC (licence), DEC (decision letter) or RPT (report), the issue day, and eight hex digits, as the API checks it. */
const NUMBER = /^(LIC|DEC|RPT)-\d{8}-[0-9A-F]{8}$/;

/** Accepts what people paste: surrounding spaces and lower case. Returns null for anything else. */
export function normaliseDocumentNumber(input: string): string | null {
  const number = input.trim().toUpperCase();
  return NUMBER.test(number) ? number : null;
}
