import type { ItemDefinition } from '../catalogue/types.js';
import type { CorrectionRequest } from './types.js';

/** One upload of the corrections form: which material, and its file. */
export interface UploadRow {
  code?: string;
  file?: File[];
}

/** Rows to start with: the materials the notice names (by name or code), else one empty row. */
export function guessRows(request: CorrectionRequest, item: ItemDefinition | undefined): UploadRow[] {
  const text = request.missingItems.join('\n').toLowerCase();
  const named = (item?.materials ?? []).filter((material) => [material.code, material.name.zh, material.name.en].some((name) => text.includes(name.toLowerCase())));
  return named.length > 0 ? named.map((material) => ({ code: material.code })) : [{}];
}
