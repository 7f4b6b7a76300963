/**
 * Verification of a signed document (文件核验): every signature is checked against the
 * project root and the revocation list; a document that names signers who have not
 * signed is incomplete. The same function serves the public page, the API and the
 * offline CLI (which gets its anchors from files instead of the database).
 */
import { createHash } from 'node:crypto';
import { verifyDetached, type SignatureCheck, type TrustAnchors } from '../pki/cms.js';
import { signerOf } from '../pki/trust.js';

export type VerificationStatus = 'valid' | 'invalid' | 'revoked' | 'incomplete';

export interface SignerReport {
  signer: string | null;
  name: string | null;
  subject: string | null;
  serial: string | null;
  signedAt: string | null;
  status: SignatureCheck['status'];
  reason?: string;
}

export interface VerificationReport {
  status: VerificationStatus;
  /** "中文 / English" explanations of a status other than valid. */
  reasons: string[];
  sha256: string;
  signers: SignerReport[];
  /** Required signers without a valid signature. */
  missing: string[];
}

/**
 * The signers a document requires, written into the PDF's Info dictionary when issued
 * (directly, or as an indirect object as pdfkit writes it). Usernames are ASCII.
 */
export function requiredSignersIn(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1');
  const entry = /\/SunshineRequiredSigners\s*(?:\(([^)]*)\)|(\d+) 0 R)/.exec(text);
  const value = entry?.[1] ?? (entry?.[2] ? new RegExp(`\\n${entry[2]} 0 obj\\s*\\(([^)]*)\\)`).exec(text)?.[1] : undefined);
  return value ? value.split(',').map((signer) => signer.trim()).filter(Boolean) : [];
}

export async function verifyDocument(content: Uint8Array, signatures: Uint8Array[], anchors: TrustAnchors, requiredSigners: string[] = requiredSignersIn(content)): Promise<VerificationReport> {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const checks = await Promise.all(signatures.map((cms) => verifyDetached(content, cms, anchors)));
  const signers: SignerReport[] = checks.map((check) => ({
    signer: check.certificate ? (signerOf(check.certificate) ?? null) : null,
    name: check.signerName ?? null,
    subject: check.subject ?? null,
    serial: check.serial ?? null,
    signedAt: check.signedAt?.toISOString() ?? null,
    status: check.status,
    ...(check.reason ? { reason: check.reason } : {}),
  }));
  const signedBy = new Set(signers.filter((signer) => signer.status === 'valid').map((signer) => signer.signer));
  const missing = requiredSigners.filter((required) => !signedBy.has(required));
  const reasons: string[] = [];
  let status: VerificationStatus = 'valid';
  if (signatures.length === 0) {
    status = 'invalid';
    reasons.push('没有签名 / the document carries no signature');
  } else if (signers.some((signer) => signer.status === 'invalid' || signer.status === 'untrusted')) {
    status = 'invalid';
    reasons.push(...signers.filter((signer) => signer.status === 'invalid' || signer.status === 'untrusted').map((signer) => signer.reason!));
  } else if (signers.some((signer) => signer.status === 'revoked')) {
    status = 'revoked';
    reasons.push(...signers.filter((signer) => signer.status === 'revoked').map((signer) => `${signer.name ?? signer.serial}: ${signer.reason}`));
  } else if (missing.length > 0) {
    status = 'incomplete';
    reasons.push(`缺少签名：${missing.join('、')} / not signed yet by: ${missing.join(', ')}`);
  }
  return { status, reasons: [...new Set(reasons)], sha256, signers, missing };
}
