/**
 * Content-addressed storage of uploaded files (按内容寻址存储): a file is kept once per
 * SHA-256 in PostgreSQL, inside the same transaction as the record that refers to it,
 * so an acknowledged upload is durable and the same scan sent twice is stored once.
 */
import { createHash } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.js';

export interface IncomingFile {
  code: string;
  fileName: string;
  contentType: string;
  content: Buffer;
}

export function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Stores the files (once per content) and the case's material rows, in the caller's transaction. */
export async function storeMaterials(tx: Prisma.TransactionClient, caseId: string, files: IncomingFile[], uploadedBy: string, round = 0): Promise<void> {
  for (const file of files) {
    const hash = sha256(file.content);
    await tx.storedFile.upsert({ where: { sha256: hash }, create: { sha256: hash, size: file.content.length, content: new Uint8Array(file.content) }, update: {} });
    await tx.caseMaterial.create({ data: { caseId, code: file.code, fileName: file.fileName, contentType: file.contentType, size: file.content.length, sha256: hash, round, uploadedBy } });
  }
}
