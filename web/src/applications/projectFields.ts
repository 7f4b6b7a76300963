/**
 * The project facts of an application (src/applications/project.ts) as form fields: which
 * are numbers (with unit and range), which are yes/no, which come in groups that must be
 * given whole (a parcel is its code and its land use), and how form values become the
 * `project` object the API takes (empty fields left out, so "not given" stays distinct).
 */
import type { Messages } from '../i18n/index.js';
import type { LandUseClass, Project, ProjectType } from './types.js';

export type ProjectFieldKey = keyof Messages['project']['fields'];
export type Unit = keyof Messages['project']['units'];

export interface NumberField {
  key: 'investmentWan' | 'landAreaM2' | 'floorAreaM2' | 'aboveGroundAreaM2' | 'heightM' | 'earthworkM3';
  unit: Unit;
  /** Areas and heights must be more than zero; amounts may be zero. */
  positive: boolean;
  max: number;
}

export const INVESTMENT: NumberField = { key: 'investmentWan', unit: 'wan', positive: false, max: 1e9 };

/** The construction facts, shown in a collapsible section (few items need them). */
export const CONSTRUCTION_NUMBERS: readonly NumberField[] = [
  { key: 'landAreaM2', unit: 'm2', positive: true, max: 1e8 },
  { key: 'floorAreaM2', unit: 'm2', positive: true, max: 1e8 },
  { key: 'aboveGroundAreaM2', unit: 'm2', positive: true, max: 1e8 },
  { key: 'heightM', unit: 'm', positive: true, max: 1000 },
  { key: 'earthworkM3', unit: 'm3', positive: false, max: 1e9 },
];

export type YesNo = 'yes' | 'no';
export type BooleanFieldKey = 'governmentInvested' | 'crowdedPlace' | 'geologyUnsuitable';
export const CONSTRUCTION_BOOLEANS: readonly BooleanFieldKey[] = ['crowdedPlace', 'geologyUnsuitable'];

/** Groups given whole or not at all; `required` members are needed once any member is filled. */
export const GROUPS = {
  parcel: { members: ['code', 'landUse'], required: ['code', 'landUse'] },
  landUseRight: { members: ['certificateNumber', 'parcelCode', 'landUse', 'expiresOn'], required: ['certificateNumber', 'parcelCode', 'landUse', 'expiresOn'] },
  contractor: { members: ['name', 'awardNumber'], required: ['name'] },
} as const;
export type GroupKey = keyof typeof GROUPS;

/** The form's values under `project` (strings as typed, yes/no as 'yes' | 'no'). */
export interface ProjectFormValues {
  name?: string;
  address?: string;
  type?: ProjectType;
  investmentWan?: number | null;
  governmentInvested?: YesNo;
  landAreaM2?: number | null;
  floorAreaM2?: number | null;
  aboveGroundAreaM2?: number | null;
  heightM?: number | null;
  earthworkM3?: number | null;
  crowdedPlace?: YesNo;
  geologyUnsuitable?: YesNo;
  parcel?: { code?: string; landUse?: LandUseClass };
  landUseRight?: { certificateNumber?: string; parcelCode?: string; landUse?: LandUseClass; expiresOn?: string };
  contractor?: { name?: string; awardNumber?: string };
}

/** Trimmed text, or undefined for nothing but blanks. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return value !== undefined && value !== null;
}

/** Whether any member of a group has a value (then its required members are required). */
export function groupStarted(group: Record<string, unknown> | undefined): boolean {
  return group !== undefined && Object.values(group).some(isFilled);
}

function group<K extends GroupKey>(key: K, values: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!groupStarted(values)) return undefined;
  const result: Record<string, string> = {};
  for (const member of GROUPS[key].members) {
    const value = text(values![member]);
    if (value !== undefined) result[member] = value;
  }
  return result;
}

/** The `project` the API takes; fields left empty are not sent. */
export function toProject(values: ProjectFormValues): Project {
  const project: Record<string, unknown> = { name: text(values.name) ?? '' };
  const address = text(values.address);
  if (address !== undefined) project.address = address;
  if (values.type) project.type = values.type;
  for (const field of [INVESTMENT, ...CONSTRUCTION_NUMBERS]) {
    const value = values[field.key];
    if (typeof value === 'number' && Number.isFinite(value)) project[field.key] = value;
  }
  for (const key of ['governmentInvested', ...CONSTRUCTION_BOOLEANS] as const) {
    const value = values[key];
    if (value === 'yes' || value === 'no') project[key] = value === 'yes';
  }
  for (const key of Object.keys(GROUPS) as GroupKey[]) {
    const value = group(key, values[key]);
    if (value !== undefined) project[key] = value;
  }
  return project as Project;
}

/** Every project field the form has, as dotted paths under `project` ("project.parcel.code"), for placing server errors. */
export const PROJECT_FIELD_PATHS: ReadonlySet<string> = new Set([
  'project.name',
  'project.address',
  'project.type',
  ...[INVESTMENT, ...CONSTRUCTION_NUMBERS].map((field) => `project.${field.key}`),
  ...['governmentInvested', ...CONSTRUCTION_BOOLEANS].map((key) => `project.${key}`),
  ...(Object.keys(GROUPS) as GroupKey[]).flatMap((key) => GROUPS[key].members.map((member) => `project.${key}.${member}`)),
]);
