// Local declarations for bpmnlint 11 (its CommonJS rule and config modules ship without
// declarations; lib/types.d.ts describes the shapes). Only what src/designer/lint uses.
declare module 'bpmnlint' {
  import type { ModdleElement } from 'bpmn-moddle';

  export type Category = 'off' | 'warn' | 'error' | 'info';
  export type RuleValue = Category | 0 | 1 | 2 | 3 | [Category | 0 | 1 | 2 | 3, unknown?];

  export interface LintConfig {
    extends?: string | string[];
    rules?: Record<string, RuleValue>;
  }

  export interface Reporter {
    report(id: string, message: string, path?: string[] | { path?: string[]; [key: string]: unknown }): void;
  }

  export type CheckFn = (node: ModdleElement, reporter: Reporter) => boolean | void;

  export interface RuleDefinition {
    meta?: { documentation?: { url?: string } };
    check: CheckFn | { enter?: CheckFn; leave?: CheckFn };
  }

  /** bpmnlint calls the factory with the rule's options from the config (`['error', options]`). */
  export type RuleFactory = (options?: any) => RuleDefinition;

  export interface Resolver {
    resolveRule(pkg: string, ruleName: string): RuleFactory | Promise<RuleFactory>;
    resolveConfig(pkg: string, configName: string): LintConfig | Promise<LintConfig>;
  }

  export interface Report {
    id?: string;
    message: string;
    path?: string[];
    category: Category | 'rule-error';
    meta?: RuleDefinition['meta'];
  }

  export class Linter {
    constructor(options: { config?: LintConfig; resolver: Resolver });
    lint(definitions: ModdleElement, config?: LintConfig): Promise<Record<string, Report[]>>;
  }
}

declare module 'bpmnlint/rules/*.js' {
  import type { RuleFactory } from 'bpmnlint';
  const factory: RuleFactory;
  export default factory;
}

declare module 'bpmnlint/config/recommended.js' {
  import type { LintConfig } from 'bpmnlint';
  const config: LintConfig;
  export default config;
}
