/** Why a key could not be made, stored or imported; each reason has a sentence in keys.errors. */
export type KeyErrorReason = 'format' | 'iterations' | 'passphrase' | 'wrongUser' | 'mismatch' | 'storage' | 'unsupported';

export class KeyError extends Error {
  override readonly name = 'KeyError';

  constructor(
    readonly reason: KeyErrorReason,
    /** Values for the sentence, e.g. the username a key file belongs to. */
    readonly values: { username?: string } = {},
  ) {
    super(reason);
  }
}
