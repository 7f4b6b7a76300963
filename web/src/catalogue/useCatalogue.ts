import { useMemo } from 'react';
import { useApiResource, type Resource } from '../common/useApiResource.js';
import type { CatalogueEntry } from './types.js';

export interface Catalogue extends Resource<{ items: CatalogueEntry[] }> {
  /** The active items, in the API's order (by code). */
  entries: CatalogueEntry[];
  byCode: ReadonlyMap<string, CatalogueEntry>;
}

/** The public catalogue (active items, current versions); `GET /api/catalogue`. */
export function useCatalogue(): Catalogue {
  const resource = useApiResource<{ items: CatalogueEntry[] }>('/api/catalogue');
  const entries = useMemo(() => resource.data?.items ?? [], [resource.data]);
  const byCode = useMemo(() => new Map(entries.map((entry) => [entry.code, entry])), [entries]);
  return { ...resource, entries, byCode };
}
