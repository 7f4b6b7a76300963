import { useMemo } from 'react';
import { useApiResource, type Resource } from '../common/useApiResource.js';
import { currentLanguage } from '../i18n/index.js';
import type { CatalogueEntry } from './types.js';

type CatalogueBody = { items: CatalogueEntry[]; departments: Record<string, { zh: string; en: string }> };

export interface Catalogue extends Resource<CatalogueBody> {
  /** The active items, in the API's order (by code). */
  entries: CatalogueEntry[];
  byCode: ReadonlyMap<string, CatalogueEntry>;
  /** A department's name in the current language (its code while loading or when unknown). */
  departmentName(code: string): string;
}

/** The public catalogue (active items, current versions); `GET /api/catalogue`. */
export function useCatalogue(): Catalogue {
  const resource = useApiResource<CatalogueBody>('/api/catalogue');
  const entries = useMemo(() => resource.data?.items ?? [], [resource.data]);
  const byCode = useMemo(() => new Map(entries.map((entry) => [entry.code, entry])), [entries]);
  const departments = resource.data?.departments;
  const departmentName = (code: string) => {
    const name = departments?.[code];
    return name ? (currentLanguage() === 'en' ? name.en : name.zh) : code;
  };
  return { ...resource, entries, byCode, departmentName };
}
