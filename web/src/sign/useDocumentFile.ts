import { useEffect, useState } from 'react';
import { getBytes, isAbort } from '../api.js';
import { sha256Hex } from '../common/bytes.js';
import { documentFileUrl } from './types.js';

export interface DocumentFile {
  /** Exactly the bytes that are previewed, hashed and signed. */
  content: Uint8Array<ArrayBuffer>;
  sha256: string;
  /** blob: URL of the same bytes for the preview frame; revoked on unmount. */
  previewUrl: string;
}

/**
 * Downloads the document once. Preview, hash and signature all use this one copy, so
 * what the user sees is what they sign (a second request could, in principle, differ).
 */
export function useDocumentFile(number: string | null): { file: DocumentFile | null; error: unknown } {
  const [state, setState] = useState<{ file: DocumentFile | null; error: unknown }>({ file: null, error: null });

  useEffect(() => {
    if (!number) return;
    const controller = new AbortController();
    let previewUrl: string | null = null;
    (async () => {
      const content = new Uint8Array(await getBytes(documentFileUrl(number), controller.signal));
      const sha256 = await sha256Hex(content);
      if (controller.signal.aborted) return;
      previewUrl = URL.createObjectURL(new Blob([content], { type: 'application/pdf' }));
      setState({ file: { content, sha256, previewUrl }, error: null });
    })().catch((error: unknown) => {
      if (!controller.signal.aborted && !isAbort(error)) setState({ file: null, error });
    });
    return () => {
      controller.abort();
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    };
  }, [number]);

  return state;
}
