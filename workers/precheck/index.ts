/**
 * The ten departments' automated pre-checks of the parallel construction approval, in the
 * order the catalogue and the diagram list them. Topic = `<department>.precheck`.
 */
import { civilDefensePrecheck } from '../civil-defense/precheck.js';
import { developmentPrecheck } from '../development/precheck.js';
import { environmentPrecheck } from '../environment/precheck.js';
import { firePrecheck } from '../fire/precheck.js';
import { housingPrecheck } from '../housing/precheck.js';
import { meteorologyPrecheck } from '../meteorology/precheck.js';
import { naturalResourcesPrecheck } from '../natural-resources/precheck.js';
import { planningPrecheck } from '../planning/precheck.js';
import { transportPrecheck } from '../transport/precheck.js';
import { waterPrecheck } from '../water/precheck.js';
import type { PrecheckTopic } from './result.js';

export const PRECHECK_DEPARTMENTS = [
  'development',
  'natural-resources',
  'planning',
  'housing',
  'environment',
  'fire',
  'civil-defense',
  'transport',
  'water',
  'meteorology',
] as const;

export type PrecheckDepartment = (typeof PRECHECK_DEPARTMENTS)[number];

export const PRECHECK_TOPICS: readonly PrecheckTopic[] = [
  developmentPrecheck,
  naturalResourcesPrecheck,
  planningPrecheck,
  housingPrecheck,
  environmentPrecheck,
  firePrecheck,
  civilDefensePrecheck,
  transportPrecheck,
  waterPrecheck,
  meteorologyPrecheck,
];
