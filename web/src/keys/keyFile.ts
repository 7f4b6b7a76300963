/**
 * The encrypted key file (sunshine-key-v1) that moves a signing key to another machine.
 * Plain WebCrypto and JSON, so the format can be opened without this app: PBKDF2-SHA-256
 * turns the passphrase into an AES-256-GCM key, which encrypts the PKCS#8 private key.
 * GCM's tag makes a wrong passphrase and a damaged file fail the same way, loudly.
 */
import { fromBase64, toBase64 } from '../common/bytes.js';
import { KeyError } from './KeyError.js';

export const KEY_FILE_FORMAT = 'sunshine-key-v1';
export const MIN_PASSPHRASE_LENGTH = 10;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256; about half a second in a current browser. */
export const PBKDF2_ITERATIONS = 600_000;
/** Files with fewer iterations are refused: a forged file must not weaken what we accept. */
export const MIN_ITERATIONS = 310_000;
/** And an absurd count must not freeze the tab. */
const MAX_ITERATIONS = 10_000_000;

export interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  username: string;
  /** The certificate (PEM) of the key, so the other machine needs nothing from the server to sign. */
  certificate: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  /** AES-GCM nonce, base64. */
  iv: string;
  /** AES-GCM ciphertext and tag of the PKCS#8 key, base64. */
  ciphertext: string;
}

const encoder = new TextEncoder();

/**
 * NFC so that the same passphrase typed with another keyboard or input method (composed
 * or decomposed accents, full-width forms stay distinct) derives the same key.
 */
const passphraseBytes = (passphrase: string) => encoder.encode(passphrase.normalize('NFC'));

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

export async function encryptKeyFile(input: { username: string; certificate: string; pkcs8: Uint8Array<ArrayBuffer>; passphrase: string; iterations?: number }): Promise<KeyFile> {
  if (input.passphrase.length < MIN_PASSPHRASE_LENGTH) throw new RangeError(`the passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
  const iterations = input.iterations ?? PBKDF2_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(input.passphrase, salt, iterations, 'encrypt');
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, input.pkcs8);
  return {
    format: KEY_FILE_FORMAT,
    username: input.username,
    certificate: input.certificate,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    iv: toBase64(iv),
    ciphertext: toBase64(ciphertext),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Reads a key file's JSON; anything that is not exactly our format is refused before any decryption is tried. */
export function parseKeyFile(text: string): KeyFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeyError('format');
  }
  if (!isRecord(value) || value.format !== KEY_FILE_FORMAT || !isRecord(value.kdf)) throw new KeyError('format');
  const { username, certificate, kdf, iv, ciphertext } = value;
  if (!isText(username) || !isText(certificate) || !isText(iv) || !isText(ciphertext) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || !isText(kdf.salt)) {
    throw new KeyError('format');
  }
  if (typeof kdf.iterations !== 'number' || !Number.isSafeInteger(kdf.iterations) || kdf.iterations < MIN_ITERATIONS || kdf.iterations > MAX_ITERATIONS) {
    throw new KeyError('iterations');
  }
  return { format: KEY_FILE_FORMAT, username, certificate, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: kdf.iterations, salt: kdf.salt }, iv, ciphertext };
}

function decode(text: string): Uint8Array<ArrayBuffer> {
  try {
    return fromBase64(text);
  } catch {
    throw new KeyError('format');
  }
}

/** The PKCS#8 key. The caller imports it and then zeroes the returned bytes. */
export async function decryptKeyFile(file: KeyFile, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const [salt, iv, ciphertext] = [decode(file.kdf.salt), decode(file.iv), decode(file.ciphertext)];
  const key = await deriveKey(passphrase, salt, file.kdf.iterations, 'decrypt');
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext));
  } catch {
    throw new KeyError('passphrase');
  }
}

export const keyFileName = (username: string) => `sunshine-key-${username}.json`;
