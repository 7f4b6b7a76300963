import { postJson } from '../api.js';
import { toBase64 } from '../common/bytes.js';
import { loadPki } from '../keys/loadPki.js';
import type { StoredKey } from '../keys/types.js';
import type { VerificationReport } from '../verify/types.js';
import { announceAwaitingChanged } from './awaitingChanged.js';

/**
 * Signs `content` in this browser with the stored key and hands the signature to the API,
 * which checks it against the stored document and answers with the document's new report.
 * Only the CMS signature (which holds the certificate, not the key) leaves the browser.
 */
export async function signAndSubmit(number: string, content: Uint8Array, key: StoredKey): Promise<VerificationReport> {
  const { signDocument } = await loadPki();
  const cms = await signDocument(content, key.certificate, key.privateKey);
  const report = await postJson<VerificationReport>(`/api/documents/${encodeURIComponent(number)}/signatures`, { cms: toBase64(cms) });
  announceAwaitingChanged();
  return report;
}
