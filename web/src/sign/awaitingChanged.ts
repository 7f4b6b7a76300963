/**
 * "The list of documents awaiting my signature changed" (I just signed one), so the menu's
 * count updates at once instead of at the next navigation. A DOM event rather than a
 * React context: the menu and the signing page share no component below the shell.
 */
const EVENT = 'sunshine:awaiting-signature-changed';

export function announceAwaitingChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onAwaitingChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
