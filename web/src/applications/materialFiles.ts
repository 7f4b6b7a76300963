/**
 * Material files checked in the browser against the service guide (type, size) before
 * anything is sent; the API checks again. Files travel base64-encoded in the JSON body.
 */
import { toBase64 } from '../common/bytes.js';
import { maxSizeBytes, type MaterialSpec, type MaterialType } from '../catalogue/types.js';
import type { Upload } from './types.js';

const EXTENSIONS: Record<MaterialType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
};

const LABELS: Record<MaterialType, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

/** What a file picker needs to know of a file (a File, or a stand-in in tests). */
export interface PickedFile {
  name: string;
  size: number;
  type: string;
}

/** The file's type as the API names it: the browser's MIME type, else guessed from the extension; null for anything else. */
export function contentTypeOf(file: PickedFile): MaterialType | null {
  const known = Object.keys(EXTENSIONS) as MaterialType[];
  if ((known as string[]).includes(file.type)) return file.type as MaterialType;
  const name = file.name.toLowerCase();
  return known.find((type) => EXTENSIONS[type].some((extension) => name.endsWith(extension))) ?? null;
}

/** The file dialog's `accept`: extensions and MIME types of the accepted formats. */
export function acceptFor(types: readonly MaterialType[]): string {
  return types.flatMap((type) => [...EXTENSIONS[type], type]).join(',');
}

export function typeLabels(types: readonly MaterialType[], separator: string): string {
  return types.map((type) => LABELS[type]).join(separator);
}

export type FileProblem = 'type' | 'size' | 'empty';

/** Why the API would refuse this file for this material, or null. */
export function fileProblem(file: PickedFile, material: MaterialSpec): FileProblem | null {
  const type = contentTypeOf(file);
  if (type === null || !(material.fileTypes as string[]).includes(type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxSizeBytes(material)) return 'size';
  return null;
}

/** The upload as the API takes it (`materials[]` of an application or a correction). */
export async function toUpload(file: File, code: string): Promise<Upload> {
  const contentType = contentTypeOf(file);
  if (contentType === null) throw new Error(`unsupported file type: ${file.name}`);
  return { code, fileName: file.name, contentType, contentBase64: toBase64(await file.arrayBuffer()) };
}
