import type { StoredKey } from './types.js';

/**
 * IndexedDB rather than localStorage: only IndexedDB can hold a CryptoKey object (it is
 * structured-cloneable), which is what lets the key stay non-extractable across reloads.
 */
const DATABASE = 'sunshine-keys';
const STORE = 'keys';
const VERSION = 1;

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('IndexedDB is not available'));
      return;
    }
    const request = indexedDB.open(DATABASE, VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'username' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    // Another tab still has version 0 open; it closes on its own reload, so fail instead of hanging.
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const database = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = work(transaction.objectStore(STORE));
      // Resolved on the transaction's completion, not the request's: only then is a write durable.
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? request.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    database.close();
  }
}

export async function loadKey(username: string): Promise<StoredKey | null> {
  return (await run<StoredKey | undefined>('readonly', (store) => store.get(username))) ?? null;
}

/** Replaces the user's key: one key per account and browser, as the API keeps one current certificate per account. */
export async function saveKey(record: StoredKey): Promise<void> {
  await run('readwrite', (store) => store.put(record));
}

export async function deleteKey(username: string): Promise<void> {
  await run('readwrite', (store) => store.delete(username));
}
