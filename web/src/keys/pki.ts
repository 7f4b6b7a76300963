/**
 * Everything that needs the certificate libraries (@peculiar/x509, pkijs, asn1js). Loaded
 * only through loadPki(), so pages without signing (the inbox, the case file) never
 * download them; vite.config.ts puts the libraries into their own chunk.
 */
// Before @peculiar/x509: its dependency injection (tsyringe) needs the Reflect metadata API at load time.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
// The server's own CMS code, so browser signatures are byte-for-byte the format the server verifies.
import { signDetached } from '../../../src/pki/cms.js';
import type { CertificateSummary } from './types.js';

x509.cryptoProvider.set(crypto);

/** The only algorithm the CA certifies (src/pki/authority.ts). */
export const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** userId (RFC 4519): where the CA writes the account name; x509's name parser has no short name for it. */
const UID = '0.9.2342.19200300.100.1.1';

/** A PKCS#10 request: proves possession of the key; the CA writes the account's own name into the certificate anyway. */
export async function createCsr(username: string, keys: CryptoKeyPair): Promise<string> {
  const request = await x509.Pkcs10CertificateRequestGenerator.create({ name: `CN=${username}`, keys, signingAlgorithm: SIGNING_ALGORITHM });
  return request.toString('pem');
}

export function describeCertificate(pem: string): CertificateSummary {
  const certificate = new x509.X509Certificate(pem);
  return {
    serial: certificate.serialNumber.toLowerCase(),
    subject: certificate.subject,
    username: certificate.subjectName.getField(UID)[0] ?? null,
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
  };
}

/**
 * Whether `privateKey` is the key certified by `pem`: it signs a random challenge and the
 * certificate's public key checks it. Catches a key file whose certificate was swapped
 * before the user signs anything with it.
 */
export async function keyMatchesCertificate(privateKey: CryptoKey, pem: string): Promise<boolean> {
  const certificate = new x509.X509Certificate(pem);
  const publicKey = await certificate.publicKey.export(KEY_ALGORITHM, ['verify'], crypto);
  const challenge = crypto.getRandomValues(new Uint8Array(32));
  const signature = await crypto.subtle.sign(SIGNING_ALGORITHM, privateKey, challenge);
  return crypto.subtle.verify(SIGNING_ALGORITHM, publicKey, signature, challenge);
}

/** A detached CMS signature (.p7s, DER) of exactly `content`. */
export function signDocument(content: Uint8Array, certificatePem: string, privateKey: CryptoKey): Promise<Uint8Array> {
  return signDetached(content, new x509.X509Certificate(certificatePem), privateKey);
}
