// Local declaration for @bpmn-io/element-templates-validator 2 (ships no types; installed
// with bpmn-js-element-templates). Only the Camunda 7 validation the designer tests use.
declare module '@bpmn-io/element-templates-validator' {
  export interface ValidationError {
    message: string;
    dataPointer?: { value: { line: number; column: number } };
    path?: (string | number)[];
  }
  export interface ValidationResult {
    valid: boolean;
    object: unknown;
    errors?: ValidationError[];
  }
  export function validate(template: unknown): ValidationResult;
  export function validateAll(templates: unknown[]): { valid: boolean; results: ValidationResult[] };
  export function getSchemaVersion(): string;
}
