/** Pure parts of the browser's signing pages (web/src/keys, web/src/verify): the key file, the key state, document numbers, base64. */
import { describe, expect, it } from 'vitest';
import { fromBase64, sha256Hex, toBase64 } from '../../web/src/common/bytes.js';
import { KeyError } from '../../web/src/keys/KeyError.js';
import { decryptKeyFile, encryptKeyFile, KEY_FILE_FORMAT, MIN_ITERATIONS, parseKeyFile } from '../../web/src/keys/keyFile.js';
import { keyState } from '../../web/src/keys/keyState.js';
import { normaliseDocumentNumber } from '../../web/src/verify/types.js';

describe('key file (sunshine-key-v1)', () => {
  const pkcs8 = () => crypto.getRandomValues(new Uint8Array(138));

  it('round-trips the key under the passphrase and holds it only as ciphertext', async () => {
    const key = pkcs8();
    const file = await encryptKeyFile({ username: 'expert', certificate: '-----BEGIN CERTIFICATE-----', pkcs8: key, passphrase: 'correct horse battery', iterations: MIN_ITERATIONS });
    expect(file).toMatchObject({ format: KEY_FILE_FORMAT, username: 'expert', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS } });
    expect(fromBase64(file.kdf.salt)).toHaveLength(16);
    expect(fromBase64(file.iv)).toHaveLength(12);
    // AES-GCM: the key plus a 16-byte tag, and not the key itself.
    expect(fromBase64(file.ciphertext)).toHaveLength(key.length + 16);
    expect(file.ciphertext).not.toContain(toBase64(key).slice(0, 16));
    const parsed = parseKeyFile(JSON.stringify(file));
    expect(await decryptKeyFile(parsed, 'correct horse battery')).toEqual(key);
  });

  it('derives the same key from a passphrase typed in another Unicode normal form', async () => {
    const key = pkcs8();
    const file = await encryptKeyFile({ username: 'expert', certificate: 'x', pkcs8: key, passphrase: 'Ame\u0301lie-2026-x', iterations: MIN_ITERATIONS });
    expect(await decryptKeyFile(file, 'Am\u00e9lie-2026-x')).toEqual(key);
  });

  it('refuses a wrong passphrase and a tampered ciphertext alike', async () => {
    const file = await encryptKeyFile({ username: 'expert', certificate: 'x', pkcs8: pkcs8(), passphrase: 'correct horse battery', iterations: MIN_ITERATIONS });
    await expect(decryptKeyFile(file, 'wrong horse battery')).rejects.toMatchObject({ reason: 'passphrase' });
    const bytes = fromBase64(file.ciphertext);
    bytes[0] = bytes[0]! ^ 1;
    await expect(decryptKeyFile({ ...file, ciphertext: toBase64(bytes) }, 'correct horse battery')).rejects.toMatchObject({ reason: 'passphrase' });
  });

  it('refuses short passphrases when encrypting', async () => {
    await expect(encryptKeyFile({ username: 'expert', certificate: 'x', pkcs8: pkcs8(), passphrase: 'short' })).rejects.toThrow(RangeError);
  });

  it('refuses anything that is not the format, and weakened key derivation', () => {
    const good = { format: KEY_FILE_FORMAT, username: 'expert', certificate: 'x', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS, salt: 'AAAA' }, iv: 'AAAA', ciphertext: 'AAAA' };
    expect(parseKeyFile(JSON.stringify(good))).toEqual(good);
    const reason = (text: string) => {
      try {
        parseKeyFile(text);
        return 'accepted';
      } catch (error) {
        return error instanceof KeyError ? error.reason : String(error);
      }
    };
    expect(reason('not json')).toBe('format');
    expect(reason('[]')).toBe('format');
    expect(reason(JSON.stringify({ ...good, format: 'other' }))).toBe('format');
    expect(reason(JSON.stringify({ ...good, username: '' }))).toBe('format');
    expect(reason(JSON.stringify({ ...good, kdf: { ...good.kdf, hash: 'SHA-1' } }))).toBe('format');
    expect(reason(JSON.stringify({ ...good, kdf: { ...good.kdf, iterations: 1000 } }))).toBe('iterations');
    expect(reason(JSON.stringify({ ...good, kdf: { ...good.kdf, iterations: 1e12 } }))).toBe('iterations');
    expect(reason(JSON.stringify({ ...good, kdf: { ...good.kdf, iterations: '600000' } }))).toBe('iterations');
  });
});

describe('keyState', () => {
  const now = new Date('2026-11-28T00:00:00Z');
  const stored = { serial: 'AB12', notAfter: '2028-11-27T00:00:00Z' };

  it('compares the key in this browser with the account’s current certificate', () => {
    expect(keyState(null, null, now)).toBe('none');
    expect(keyState(null, { serial: 'ab12' }, now)).toBe('notHere');
    expect(keyState(stored, { serial: 'ab12' }, now)).toBe('match');
    expect(keyState(stored, { serial: 'cd34' }, now)).toBe('replaced');
    expect(keyState(stored, null, now)).toBe('notCurrent');
    expect(keyState({ ...stored, notAfter: '2026-11-27T00:00:00Z' }, { serial: 'ab12' }, now)).toBe('expired');
  });
});

describe('normaliseDocumentNumber', () => {
  it('accepts the three kinds, tolerating spaces and lower case', () => {
    expect(normaliseDocumentNumber('LIC-20261128-1A2B3C4D')).toBe('LIC-20261128-1A2B3C4D');
    expect(normaliseDocumentNumber('  rpt-20261128-1a2b3c4d ')).toBe('RPT-20261128-1A2B3C4D');
    expect(normaliseDocumentNumber('DEC-20261128-00000000')).toBe('DEC-20261128-00000000');
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'ABC-20261128-1A2B3C4D', 'LIC-2026112-1A2B3C4D', 'LIC-20261128-1A2B3C4G', 'LIC-20261128-1A2B3C4D5', 'LIC 20261128 1A2B3C4D']) {
      expect(normaliseDocumentNumber(bad)).toBeNull();
    }
  });
});

describe('bytes', () => {
  it('base64 matches Node for large buffers, and SHA-256 is hex', async () => {
    const data = crypto.getRandomValues(new Uint8Array(65_536));
    const big = new Uint8Array(100_000).map((_, index) => index * 7);
    for (const bytes of [new Uint8Array(0), data, big]) {
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(() => fromBase64('***')).toThrow();
  });
});
