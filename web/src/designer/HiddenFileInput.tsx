import type { RefObject } from 'react';

/**
 * The file input behind an "import" button: the button clicks it, and it hands over the
 * chosen file once (cleared, so choosing the same file again imports it again).
 */
export function HiddenFileInput({ inputRef, accept, testId, onFile }: { inputRef: RefObject<HTMLInputElement | null>; accept: string; testId: string; onFile(file: File): void }) {
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      data-testid={testId}
      hidden
      style={{ display: 'none' }}
      aria-hidden
      tabIndex={-1}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
