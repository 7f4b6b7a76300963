/** Shapes of `GET /api/catalogue[/:code]`: the server's own types (type-only, nothing of the server is bundled). */
import type { ItemDefinition } from '../../../src/catalogue/item.js';
import type { CatalogueEntry } from '../../../src/catalogue/service.js';
import { currentLanguage, type Language } from '../i18n/index.js';

export type { CatalogueEntry, ItemDefinition };
export type MaterialSpec = ItemDefinition['materials'][number];
export type FeeSpec = ItemDefinition['fees'][number];
export type MaterialType = MaterialSpec['fileTypes'][number];

/** A catalogue text in the UI language ({ zh, en } in the item definitions). */
export function bilingualText(text: { zh: string; en: string }, language: Language = currentLanguage()): string {
  return language === 'en' ? text.en : text.zh;
}

/** The item's name in the UI language, or `fallback` (its code, a process key) when the catalogue does not list it. */
export function itemName(entry: CatalogueEntry | undefined, fallback: string, language: Language = currentLanguage()): string {
  return entry ? bilingualText(entry.definition.name, language) : fallback;
}

/** Upload limit of a material (the schema's default applies when an old definition lacks it). */
export function maxSizeBytes(material: MaterialSpec): number {
  return (material.maxSizeMb ?? 5) * 1024 * 1024;
}
