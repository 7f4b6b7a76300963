import type { PublicDocument } from '../verify/types.js';

/** An entry of `GET /api/documents/awaiting-my-signature`. */
export interface AwaitingDocument extends PublicDocument {
  /** Who has signed so far. */
  signedBy: string[];
}

export const AWAITING_PATH = '/api/documents/awaiting-my-signature';
export const signPath = (number: string) => `/sign/${encodeURIComponent(number)}`;
export const documentFileUrl = (number: string) => `/api/documents/${encodeURIComponent(number)}/file`;
