/**
 * Every external-task topic Sunshine ships, with its department. The designer's element
 * templates are generated from this list, so it must hold exactly the steps that have
 * workers. Add a department's topics here (see README "Adding a department worker").
 */
import type { TopicDefinition } from './runtime/topic.js';
import { checkMaterials } from './demo/check-materials.js';
import { supervisionWarn } from './supervision/warn.js';
import { issueDecision } from './documents/issue-decision.js';
import { pauseClock, resumeClock } from './approval/clock.js';
import { extendDeadline } from './approval/extend-deadline.js';
import { consolidateReviews } from './approval/consolidate-reviews.js';
import { PRECHECK_TOPICS } from './precheck/index.js';

export const TOPICS: TopicDefinition[] = [checkMaterials, supervisionWarn, issueDecision, pauseClock, resumeClock, extendDeadline, consolidateReviews, ...PRECHECK_TOPICS] as TopicDefinition[];

export function departments(): string[] {
  return [...new Set(TOPICS.map((definition) => definition.department))].sort();
}

/** The topics of one department, or all when no department is given. */
export function topicsFor(department?: string): TopicDefinition[] {
  if (!department) return TOPICS;
  const selected = TOPICS.filter((definition) => definition.department === department);
  if (selected.length === 0) {
    throw new Error(`未知部门 / unknown department "${department}"; known: ${departments().join(', ')}`);
  }
  return selected;
}
