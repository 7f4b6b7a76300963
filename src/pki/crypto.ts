/**
 * One cryptographic setup for certificates (@peculiar/x509) and CMS signatures (pkijs),
 * both on WebCrypto, so the server and the browser use the same algorithms and formats.
 *
 * ECDSA P-256 with SHA-256: supported by WebCrypto everywhere and by OpenSSL, so third
 * parties can verify. (A deployment in mainland China would use SM2/SM3 certificates
 * from a licensed CA; WebCrypto has no SM2, see README "Trust model".)
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

export const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);
pkijs.setEngine('sunshine', new pkijs.CryptoEngine({ name: 'sunshine', crypto }));

export const SIGNING_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export function generateKeyPair(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
}

export function randomSerial(): string {
  // 16 random bytes; the first in 0x40–0x7f so the DER integer is positive and has no
  // leading zero to drop (the stored serial must equal the certificate's, byte for byte).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return Buffer.from(bytes).toString('hex');
}

export { x509, pkijs };
