/**
 * Private keys at rest (the CA's and the departments' seals): PKCS#8 encrypted with
 * AES-256-GCM under SUNSHINE_KEY_ENCRYPTION_KEY, the certificate serial as associated
 * data so that a key cannot be swapped onto another certificate's row unnoticed. The
 * database alone never yields a usable key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { crypto, SIGNING_ALGORITHM } from './crypto.js';

const VERSION = 1;

export async function sealPrivateKey(key: CryptoKey, serial: string, kek: Buffer): Promise<Uint8Array<ArrayBuffer>> {
  const pkcs8 = Buffer.from(await crypto.subtle.exportKey('pkcs8', key));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(serial));
  const encrypted = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  pkcs8.fill(0);
  // Prisma's Bytes want a plain Uint8Array over an ArrayBuffer.
  return new Uint8Array(Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), encrypted]));
}

export class KeyVaultError extends Error {
  override name = 'KeyVaultError';
}

export async function openPrivateKey(blob: Uint8Array, serial: string, kek: Buffer): Promise<CryptoKey> {
  const data = Buffer.from(blob);
  if (data[0] !== VERSION) throw new KeyVaultError(`私钥格式未知 / unknown key format for certificate ${serial}`);
  const decipher = createDecipheriv('aes-256-gcm', kek, data.subarray(1, 13));
  decipher.setAAD(Buffer.from(serial));
  decipher.setAuthTag(data.subarray(13, 29));
  let pkcs8: Buffer;
  try {
    pkcs8 = Buffer.concat([decipher.update(data.subarray(29)), decipher.final()]);
  } catch {
    throw new KeyVaultError(`无法解密证书 ${serial} 的私钥：SUNSHINE_KEY_ENCRYPTION_KEY 不对？/ cannot decrypt the key of certificate ${serial}: wrong SUNSHINE_KEY_ENCRYPTION_KEY?`);
  }
  // Not extractable once loaded: signing is all the process needs.
  const key = await crypto.subtle.importKey('pkcs8', new Uint8Array(pkcs8), SIGNING_ALGORITHM, false, ['sign']);
  pkcs8.fill(0);
  return key;
}
