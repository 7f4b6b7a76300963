/**
 * How the key in this browser relates to the account's current certificate on the
 * server. They part when a key is made on another machine (the server then has a newer
 * current certificate), or when an administrator revokes the certificate.
 */
export type KeyState = 'match' | 'none' | 'notHere' | 'notCurrent' | 'replaced' | 'expired';

export function keyState(stored: { serial: string; notAfter: string } | null, current: { serial: string } | null, now = new Date()): KeyState {
  if (!stored) return current ? 'notHere' : 'none';
  if (new Date(stored.notAfter) < now) return 'expired';
  if (!current) return 'notCurrent';
  return stored.serial.toLowerCase() === current.serial.toLowerCase() ? 'match' : 'replaced';
}

/** The banner's colour: only a matching key is good news; no key yet is merely information. */
export function keyStateAlert(state: KeyState): 'success' | 'info' | 'warning' {
  if (state === 'match') return 'success';
  return state === 'none' ? 'info' : 'warning';
}
