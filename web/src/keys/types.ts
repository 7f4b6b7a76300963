/** A certificate as the API describes it (`certificateView` in src/pki/routes.ts). */
export interface CertificateView {
  serial: string;
  kind: 'root' | 'seal' | 'user';
  subject: string;
  departmentCode: string | null;
  username: string | null;
  pem: string;
  notBefore: string;
  notAfter: string;
  current: boolean;
  revokedAt: string | null;
  revocationReason: string | null;
}

/** What is shown of a certificate, read from its PEM in the browser. */
export interface CertificateSummary {
  /** Lower-case hex, as the API writes serials. */
  serial: string;
  subject: string;
  /** The account it was issued to (the UID in the subject). */
  username: string | null;
  notBefore: string;
  notAfter: string;
}

/**
 * One user's signing key in this browser (IndexedDB, keyed by username). The private key
 * is a non-extractable CryptoKey: scripts on the page can ask it to sign, but nothing,
 * not even this app, can read its bytes back out.
 */
export interface StoredKey extends CertificateSummary {
  username: string;
  certificate: string;
  privateKey: CryptoKey;
  storedAt: string;
}
