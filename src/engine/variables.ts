/**
 * Conversion between plain JavaScript values and Camunda's typed variables. Objects and
 * arrays travel as Spin "Json" values, which is also what the external-task client sends.
 */

export interface TypedValue {
  value: unknown;
  type: string;
  valueInfo?: Record<string, unknown>;
}

export type TypedVariables = Record<string, TypedValue>;
export type PlainVariables = Record<string, unknown>;

const INT_MAX = 2 ** 31 - 1;
const INT_MIN = -(2 ** 31);

export function toTypedValue(value: unknown): TypedValue {
  if (value === null || value === undefined) return { value: null, type: 'Null' };
  if (typeof value === 'string') return { value, type: 'String' };
  if (typeof value === 'boolean') return { value, type: 'Boolean' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot store ${value} in an engine variable`);
    if (Number.isInteger(value)) return { value, type: value >= INT_MIN && value <= INT_MAX ? 'Integer' : 'Long' };
    return { value, type: 'Double' };
  }
  if (value instanceof Date) return { value: value.toISOString().replace('Z', '+0000'), type: 'Date' };
  if (typeof value === 'object') return { value: JSON.stringify(value), type: 'Json' };
  throw new TypeError(`cannot store a ${typeof value} in an engine variable`);
}

export function toTypedVariables(variables: PlainVariables): TypedVariables {
  return Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, toTypedValue(value)]));
}

export function fromTypedValue(typed: TypedValue): unknown {
  switch (typed.type) {
    case 'Json':
      return typeof typed.value === 'string' ? JSON.parse(typed.value) : typed.value;
    case 'Object':
      // Spin-serialised objects arrive as strings when fetched with deserializeValues=false.
      if (typeof typed.value === 'string' && typed.valueInfo?.serializationDataFormat === 'application/json') {
        return JSON.parse(typed.value);
      }
      return typed.value;
    default:
      return typed.value;
  }
}

export function fromTypedVariables(variables: TypedVariables): PlainVariables {
  return Object.fromEntries(Object.entries(variables).map(([name, typed]) => [name, fromTypedValue(typed)]));
}
