/**
 * The project's bpmnlint configuration: bpmnlint's `recommended` rules plus the Sunshine
 * rules (plugin `sunshine`), with a static resolver so it runs unchanged on the server
 * (src/designer/lint/lint-bpmn.ts, the deploy checks, `sunshine deploy`) and in the
 * browser's designer (bpmn-js-bpmnlint):
 *
 * ```ts
 * import lintModule from 'bpmn-js-bpmnlint';
 * import { sunshineLinting } from '../../../src/designer/lint/config.js';
 * const context = await api.get('/api/designer/lint-context');   // { topics, departments }
 * new BpmnModeler({ additionalModules: [lintModule], linting: { active: true, bpmnlint: sunshineLinting(context) } });
 * // later, e.g. after a department was added: modeler.get('linting').setLinterConfig(sunshineLinting(next));
 * ```
 *
 * Browser-safe on purpose: this module and the rules import nothing from Node, the
 * database or the worker registry; the server passes what the rules need (registered
 * topics, department codes) as the lint context, the browser gets the same context from
 * GET /api/designer/lint-context.
 */
import type { LintConfig, Resolver, RuleFactory, RuleValue } from 'bpmnlint';
import recommended from 'bpmnlint/config/recommended.js';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import global from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousLabel from 'bpmnlint/rules/superfluous-label.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';
import candidateGroupKnown from './rules/candidate-group-known.js';
import deadlineVariables from './rules/deadline-variables.js';
import historyTtl from './rules/history-ttl.js';
import topicRegistered from './rules/topic-registered.js';
import versionTag from './rules/version-tag.js';

/** What the Sunshine rules check against. */
export interface LintContext {
  /** Registered external-task topics (workers/registry.ts). */
  topics: readonly string[];
  /** Department codes (the database's departments); absent: the candidate-group rule is off. */
  departments?: readonly string[];
}

/** bpmnlint's package name for the `sunshine/…` rules (its plugin naming convention). */
export const SUNSHINE_PLUGIN = 'bpmnlint-plugin-sunshine';

const BPMNLINT_RULES: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

const SUNSHINE_RULES: Record<string, RuleFactory> = {
  'topic-registered': topicRegistered,
  'candidate-group-known': candidateGroupKnown,
  'deadline-variables': deadlineVariables,
  'history-ttl': historyTtl,
  'version-tag': versionTag,
};

/** Names of the Sunshine rules as they appear in lint results (`sunshine/<rule>`). */
export const SUNSHINE_RULE_NAMES = Object.keys(SUNSHINE_RULES).map((name) => `sunshine/${name}`);

/**
 * Where the project departs from `recommended`, and why:
 * - label-required → warn: the warning pattern (README "Warnings in diagrams") has
 *   unlabelled end events after each warning step and unlabelled timer start events in
 *   the case-warning event sub-processes; the labelled sub-process says what they are.
 * - no-bpmndi → warn: the engine runs semantic-only BPMN (procedures are written that way
 *   and `npm run layout` adds the picture); without it only the case file's diagram is
 *   missing, so a designer is told but not stopped.
 * Everything else keeps recommended's category. fake-join (a loop back into the
 * completeness check) and no-inclusive-gateway (the green channel's optional follow-up
 * branch) flag legitimate patterns of the shipped procedures, and recommended already
 * makes both warnings.
 */
const PROJECT_OVERRIDES: Record<string, RuleValue> = {
  'label-required': 'warn',
  'no-bpmndi': 'warn',
};

/** The bpmnlint config for a context: recommended, the overrides, the Sunshine rules. */
export function lintConfig(context: LintContext): LintConfig {
  return {
    extends: 'bpmnlint:recommended',
    rules: {
      ...PROJECT_OVERRIDES,
      'sunshine/topic-registered': ['error', { topics: [...context.topics] }],
      'sunshine/candidate-group-known': context.departments ? ['error', { departments: [...context.departments] }] : 'off',
      'sunshine/deadline-variables': 'error',
      'sunshine/history-ttl': 'error',
      'sunshine/version-tag': 'error',
    },
  };
}

/** Resolves rules and configs from the imports above: nothing is looked up at run time. */
export const staticResolver: Resolver = {
  resolveRule(pkg, ruleName) {
    const rule = pkg === 'bpmnlint' ? BPMNLINT_RULES[ruleName] : pkg === SUNSHINE_PLUGIN ? SUNSHINE_RULES[ruleName] : undefined;
    if (!rule) throw new Error(`unknown lint rule <${pkg}/${ruleName}>`);
    return rule;
  },
  resolveConfig(pkg, configName) {
    if (pkg === 'bpmnlint' && configName === 'recommended') return recommended;
    throw new Error(`unknown lint config <${pkg}:${configName}>`);
  },
};

/** What bpmnlint's Linter and bpmn-js-bpmnlint (`linting.bpmnlint`) take. */
export function sunshineLinting(context: LintContext): { config: LintConfig; resolver: Resolver } {
  return { config: lintConfig(context), resolver: staticResolver };
}
