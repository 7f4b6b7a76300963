import { toBase64 } from '../common/bytes.js';

/**
 * The API takes at most 20 MiB per request and base64 grows data by a third; 14 MiB of
 * files keeps a margin for the JSON around them.
 */
export const MAX_UPLOAD_BYTES = 14 * 1024 * 1024;

export interface VerifyUpload {
  document: string;
  signatures?: string[];
}

export class UploadTooLargeError extends Error {
  override readonly name = 'UploadTooLargeError';
}

/** The body of `POST /api/verify`: the files read in the browser, base64. */
export async function readUpload(document: File, signatures: File[]): Promise<VerifyUpload> {
  const total = [document, ...signatures].reduce((sum, file) => sum + file.size, 0);
  if (total > MAX_UPLOAD_BYTES) throw new UploadTooLargeError(`${total} bytes`);
  const [content, ...cms] = await Promise.all([document, ...signatures].map(async (file) => toBase64(await file.arrayBuffer())));
  return cms.length > 0 ? { document: content!, signatures: cms } : { document: content! };
}
