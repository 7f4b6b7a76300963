/**
 * Issued documents: sealed by a department (licences, decision letters) or signed by
 * several people in their browsers (evaluation reports). The PDF is stored exactly as
 * issued; each signature is a detached CMS beside it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../database/prisma.js';
import { ApiError } from '../http/api-error.js';
import type { CertificateAuthority } from '../pki/authority.js';
import { signDetached, verifyDetached } from '../pki/cms.js';
import { signerOf, trustAnchors } from '../pki/trust.js';
import { verifyDocument, type VerificationReport } from './verification.js';

export type DocumentKind = 'licence' | 'decision' | 'report';

const PREFIX: Record<DocumentKind, string> = { licence: 'LIC', decision: 'DEC', report: 'RPT' };

/**
 * A document number such as LIC-20261128-1A2B3C4D. With a `seed` (e.g. an external task
 * id) the same work always yields the same number, so a retried issue finds its document.
 */
export function documentNumber(kind: DocumentKind, at = new Date(), seed?: string): string {
  const day = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const suffix = seed ? createHash('sha256').update(`${kind}:${seed}`).digest('hex').slice(0, 8) : randomBytes(4).toString('hex');
  return `${PREFIX[kind]}-${day}-${suffix.toUpperCase()}`;
}

type NewDocument = { number: string; kind: DocumentKind; title: string; caseId?: string; content: Uint8Array; requiredSigners: string[] };

/** The row of a document as issued: its bytes exactly, their hash, who must sign. */
function storedDocument(input: NewDocument) {
  return {
    number: input.number,
    kind: input.kind,
    title: input.title,
    caseId: input.caseId ?? null,
    content: new Uint8Array(input.content),
    sha256: createHash('sha256').update(input.content).digest('hex'),
    requiredSigners: input.requiredSigners,
  };
}

export interface DocumentSummary {
  number: string;
  kind: DocumentKind;
  title: string;
  caseId: string | null;
  sha256: string;
  issuedAt: string;
  requiredSigners: string[];
}

export class DocumentService {
  constructor(
    private readonly database: Database,
    private readonly ca: CertificateAuthority,
  ) {}

  /** The code printed on a department's visible seal: its code and the seal certificate's serial. */
  async sealCode(department: string): Promise<string> {
    const seal = await this.ca.sealSigner(department);
    return `${department}-${seal.certificate.serialNumber.slice(-8).toUpperCase()}`;
  }

  /**
   * The number for the document of `kind` that the work identified by `seed` issues: the
   * one already issued for it (a retry, even on another day), or a new one.
   */
  async numberFor(kind: DocumentKind, seed: string, at = new Date()): Promise<{ number: string; issued: boolean }> {
    const number = documentNumber(kind, at, seed);
    const existing = await this.database.signedDocument.findFirst({ where: { kind, number: { endsWith: number.slice(-9) } }, select: { number: true } });
    return existing ? { number: existing.number, issued: true } : { number, issued: false };
  }

  /** Stores `content` under `number` and seals it with the department's current seal. */
  async issueSealed(input: { number: string; kind: DocumentKind; title: string; caseId?: string; content: Uint8Array; department: string }): Promise<DocumentSummary> {
    const existing = await this.database.signedDocument.findUnique({ where: { number: input.number } });
    // Issuing twice (a worker retried) returns the document issued the first time.
    if (existing) return this.summary(existing);
    const seal = await this.ca.sealSigner(input.department);
    const now = new Date();
    const cms = await signDetached(input.content, seal.certificate, seal.privateKey, now);
    const document = await this.database.signedDocument.create({
      data: {
        ...storedDocument({ ...input, requiredSigners: [input.department] }),
        signatures: { create: { certificateSerial: seal.certificate.serialNumber.toLowerCase(), signer: input.department, cms: new Uint8Array(cms), signedAt: now } },
      },
    });
    return this.summary(document);
  }

  /** Stores a document that the listed users must sign in their browsers. */
  async createForSigning(input: NewDocument): Promise<DocumentSummary> {
    const document = await this.database.signedDocument.create({ data: storedDocument(input) });
    return this.summary(document);
  }

  /** Accepts a user's signature only if it is valid, by that user's certificate, for this very document. */
  async addSignature(number: string, username: string, cms: Uint8Array): Promise<VerificationReport> {
    const document = await this.database.signedDocument.findUnique({ where: { number } });
    if (!document) throw new ApiError(404, 'NOT_FOUND', '文件不存在', 'no such document');
    if (!document.requiredSigners.includes(username)) throw new ApiError(403, 'NOT_A_SIGNER', '您不是此文件的签名人', 'you are not a signer of this document');
    const check = await verifyDetached(document.content, cms, await trustAnchors(this.database));
    if (check.status !== 'valid' || !check.certificate) {
      throw new ApiError(400, 'SIGNATURE_INVALID', `签名无效：${check.reason ?? ''}`, 'the signature is not valid', { status: check.status, reason: check.reason });
    }
    if (signerOf(check.certificate) !== username) throw new ApiError(400, 'SIGNATURE_NOT_YOURS', '签名所用证书不属于您', 'the signature was made with someone else’s certificate');
    const serial = check.certificate.serialNumber.toLowerCase();
    if (!(await this.database.certificate.findUnique({ where: { serial } }))) {
      throw new ApiError(400, 'CERTIFICATE_UNKNOWN', '签名所用证书不是本平台签发的', 'the certificate was not issued by this platform');
    }
    await this.database.documentSignature.upsert({
      where: { documentId_signer: { documentId: document.id, signer: username } },
      create: { documentId: document.id, signer: username, certificateSerial: serial, cms: new Uint8Array(cms), signedAt: check.signedAt ?? new Date() },
      update: { certificateSerial: serial, cms: new Uint8Array(cms), signedAt: check.signedAt ?? new Date() },
    });
    return (await this.verifyByNumber(number)).report;
  }

  /** Documents `username` must sign and has not yet. */
  async awaitingSignature(username: string): Promise<(Omit<DocumentSummary, 'caseId'> & { signedBy: string[] })[]> {
    const rows = await this.database.signedDocument.findMany({
      where: { requiredSigners: { has: username }, signatures: { none: { signer: username } } },
      include: { signatures: { select: { signer: true } } },
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => {
      const { caseId: _caseId, ...summary } = this.summary(row);
      return { ...summary, signedBy: row.signatures.map((signature) => signature.signer) };
    });
  }

  async find(number: string) {
    const document = await this.database.signedDocument.findUnique({ where: { number }, include: { signatures: { orderBy: { signedAt: 'asc' } } } });
    if (!document) throw new ApiError(404, 'NOT_FOUND', '没有这个编号的文件', 'no document has this number');
    return document;
  }

  async verifyByNumber(number: string): Promise<{ document: DocumentSummary; report: VerificationReport }> {
    const document = await this.find(number);
    const report = await verifyDocument(
      document.content,
      document.signatures.map((signature) => signature.cms),
      await trustAnchors(this.database),
      document.requiredSigners,
    );
    return { document: this.summary(document), report };
  }

  /**
   * Verifies an uploaded file. With its signatures, on their own; without, against the
   * signatures this platform holds for exactly these bytes — an altered file matches none.
   */
  async verifyUpload(content: Uint8Array, signatures: Uint8Array[] = []): Promise<{ document: DocumentSummary | null; report: VerificationReport }> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const stored = await this.database.signedDocument.findFirst({ where: { sha256 } });
    if (signatures.length > 0) {
      const report = await verifyDocument(content, signatures, await trustAnchors(this.database), stored?.requiredSigners);
      return { document: stored ? this.summary(stored) : null, report };
    }
    if (!stored) {
      return {
        document: null,
        report: {
          status: 'invalid',
          reasons: ['本平台没有签发过与此文件完全一致的文件（文件可能被修改）/ no document issued here matches this file byte for byte (it may have been altered)'],
          sha256,
          signers: [],
          missing: [],
        },
      };
    }
    return this.verifyByNumber(stored.number);
  }

  private summary(document: { number: string; kind: DocumentKind; title: string; caseId: string | null; sha256: string; createdAt: Date; requiredSigners: string[] }): DocumentSummary {
    return {
      number: document.number,
      kind: document.kind,
      title: document.title,
      caseId: document.caseId,
      sha256: document.sha256,
      issuedAt: document.createdAt.toISOString(),
      requiredSigners: document.requiredSigners,
    };
  }
}
