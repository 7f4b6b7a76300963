/**
 * Making, certifying, importing and keeping the user's signing key. The private key's
 * bytes exist in page memory only while a backup is encrypted or a backup is imported;
 * afterwards the key is a non-extractable CryptoKey in IndexedDB. The server receives
 * the certificate request (public key) and, later, signatures: never the key.
 */
import { KeyError } from './KeyError.js';
import { decryptKeyFile, encryptKeyFile, parseKeyFile, type KeyFile } from './keyFile.js';
import { saveKey } from './keyStore.js';
import { loadPki } from './loadPki.js';
import type { CertificateView, StoredKey } from './types.js';

/** Whether this browser can hold a key at all: WebCrypto needs a secure context (HTTPS or localhost). */
export function keysSupported(): boolean {
  return typeof window !== 'undefined' && window.isSecureContext && typeof crypto !== 'undefined' && crypto.subtle !== undefined && typeof indexedDB !== 'undefined';
}

/** Usable for signing only and not extractable: the one form in which the key is kept. */
async function importSigningKey(pkcs8: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const { KEY_ALGORITHM } = await loadPki();
  return crypto.subtle.importKey('pkcs8', pkcs8, KEY_ALGORITHM, false, ['sign']);
}

async function store(username: string, certificate: string, privateKey: CryptoKey): Promise<StoredKey> {
  const { describeCertificate } = await loadPki();
  const record: StoredKey = { ...describeCertificate(certificate), username, certificate, privateKey, storedAt: new Date().toISOString() };
  try {
    await saveKey(record);
  } catch {
    throw new KeyError('storage');
  }
  return record;
}

/**
 * Generates a key pair, has its public key certified (`certify` posts the request), keeps
 * the private key and returns the encrypted backup, which can be made only now.
 */
export async function generateKey(username: string, passphrase: string, certify: (csr: string) => Promise<CertificateView>): Promise<{ stored: StoredKey; backup: KeyFile }> {
  const { KEY_ALGORITHM, createCsr } = await loadPki();
  // Extractable for the backup only; this pair is dropped when the function returns.
  const pair = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  const certificate = (await certify(await createCsr(username, pair))).pem;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  try {
    const backup = await encryptKeyFile({ username, certificate, pkcs8, passphrase });
    const stored = await store(username, certificate, await importSigningKey(pkcs8));
    return { stored, backup };
  } finally {
    // JavaScript cannot free memory on demand; overwriting the one plain copy we own is what it allows.
    pkcs8.fill(0);
  }
}

/** Reads a backup made on another machine into this browser, after checking that it is this user's and whole. */
export async function importKeyFile(username: string, text: string, passphrase: string): Promise<StoredKey> {
  const file = parseKeyFile(text);
  if (file.username !== username) throw new KeyError('wrongUser', { username: file.username });
  const { describeCertificate, keyMatchesCertificate } = await loadPki();
  let owner: string | null;
  try {
    owner = describeCertificate(file.certificate).username;
  } catch {
    throw new KeyError('format');
  }
  if (owner !== username) throw new KeyError('wrongUser', { username: owner ?? '?' });
  const pkcs8 = await decryptKeyFile(file, passphrase);
  let privateKey: CryptoKey;
  try {
    privateKey = await importSigningKey(pkcs8);
  } catch {
    throw new KeyError('format');
  } finally {
    pkcs8.fill(0);
  }
  if (!(await keyMatchesCertificate(privateKey, file.certificate))) throw new KeyError('mismatch');
  return store(username, file.certificate, privateKey);
}
