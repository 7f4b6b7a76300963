/** The certificate libraries on demand (see pki.ts); the module is fetched once and shared. */
let loading: Promise<typeof import('./pki.js')> | null = null;

export function loadPki(): Promise<typeof import('./pki.js')> {
  loading ??= import('./pki.js').catch((error: unknown) => {
    // A failed download (network hiccup, new release) may succeed on the next try.
    loading = null;
    throw error;
  });
  return loading;
}
