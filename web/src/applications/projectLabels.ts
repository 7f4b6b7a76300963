/** Project facts as people read them: labels, units, yes/no and the classes' names in the UI language. */
import type { TFunction } from 'i18next';
import { CONSTRUCTION_NUMBERS, INVESTMENT, type ProjectFieldKey } from './projectFields.js';
import { LAND_USE_CLASSES, PROJECT_TYPES, type LandUseClass, type ProjectType } from './types.js';

const FIELD_KEYS: readonly ProjectFieldKey[] = [
  'name',
  'address',
  'type',
  'investmentWan',
  'governmentInvested',
  'landAreaM2',
  'floorAreaM2',
  'aboveGroundAreaM2',
  'heightM',
  'crowdedPlace',
  'earthworkM3',
  'geologyUnsuitable',
  'parcel',
  'landUseRight',
  'contractor',
];

const isFieldKey = (key: string): key is ProjectFieldKey => (FIELD_KEYS as readonly string[]).includes(key);
const UNITS = new Map([INVESTMENT, ...CONSTRUCTION_NUMBERS].map((field) => [field.key as string, field.unit]));
const GROUP_MEMBERS: Record<string, readonly string[]> = {
  parcel: ['code', 'landUse'],
  landUseRight: ['certificateNumber', 'parcelCode', 'landUse', 'expiresOn'],
  contractor: ['name', 'awardNumber'],
};

/** The label of a project fact; unknown keys (facts a rule derived) are shown as they are. */
export function projectFieldLabel(t: TFunction, key: string): string {
  return isFieldKey(key) ? t(`project.fields.${key}`) : key;
}

function scalarText(t: TFunction, key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') {
    const unit = UNITS.get(key);
    return unit ? `${value.toLocaleString()} ${t(`project.units.${unit}`)}` : value.toLocaleString();
  }
  if (key === 'type' && (PROJECT_TYPES as readonly unknown[]).includes(value)) return t(`project.types.${value as ProjectType}`);
  if (key === 'landUse' && (LAND_USE_CLASSES as readonly unknown[]).includes(value)) return t(`project.landUse.${value as LandUseClass}`);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A project fact's value: "120 米", "是", "B 商业服务", or a group as "地块编号 A-01；规划用地性质 B 商业服务". */
export function projectValueText(t: TFunction, key: string, value: unknown): string {
  const members = GROUP_MEMBERS[key];
  if (members && typeof value === 'object' && value !== null) {
    const group = value as Record<string, unknown>;
    return members
      .filter((member) => group[member] !== undefined)
      // The member labels live under project.<group>.<member>.
      .map((member) => `${t(`project.${key}.${member}` as 'project.parcel.code')} ${scalarText(t, member, group[member])}`)
      .join(t('common.listSeparator'));
  }
  return scalarText(t, key, value);
}
