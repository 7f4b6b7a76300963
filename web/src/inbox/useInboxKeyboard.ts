import { useEffect, useRef } from 'react';

export interface InboxKeyHandlers {
  /** -1 for up, +1 for down. */
  move(step: -1 | 1): void;
  open(): void;
  claim(): void;
  unclaim(): void;
}

/** Where a key belongs to a field or a control with its own arrow keys, not to the inbox. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [role="combobox"], [role="listbox"], [role="radiogroup"], .ant-segmented, .ant-pagination, .ant-modal') !== null;
}

/**
 * ↑/↓ or k/j move the selection, Enter opens the case file, c claims, u unclaims.
 * Listens on the whole page so it works without first focusing the table; keys typed into
 * fields, with modifiers, or Enter on a focused button are left alone.
 */
export function useInboxKeyboard(handlers: InboxKeyHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || typingInField(event.target)) return;
      const onControl = event.target instanceof HTMLElement && event.target.closest('button, a, [role="button"]') !== null;
      const act = (run: () => void) => {
        event.preventDefault();
        run();
      };
      switch (event.key) {
        case 'ArrowDown':
        case 'j':
          return act(() => latest.current.move(1));
        case 'ArrowUp':
        case 'k':
          return act(() => latest.current.move(-1));
        case 'Enter':
          if (!onControl) act(() => latest.current.open());
          return;
        case 'c':
          return act(() => latest.current.claim());
        case 'u':
          return act(() => latest.current.unclaim());
        default:
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
