import { describe, expect, it } from 'vitest';
import { toEngineDate } from '../../src/engine/client.js';
import { engineErrorFrom, DeploymentParseError, EngineNotFoundError } from '../../src/engine/errors.js';
import { fromTypedVariables, toTypedVariables } from '../../src/engine/variables.js';

describe('engine values', () => {
  it('formats dates the way the engine parses them', () => {
    expect(toEngineDate('2026-02-25T23:59:59+08:00')).toBe('2026-02-25T23:59:59.000+0800');
    expect(toEngineDate('2026-02-25T15:59:59.5Z')).toBe('2026-02-25T15:59:59.500+0000');
    expect(() => toEngineDate('2026-02-25')).toThrowError(/with offset/);
  });

  it('round-trips plain values through typed variables', () => {
    const plain = { s: '办件', n: 3, big: 2 ** 40, f: 1.5, b: true, nothing: null, list: ['a'], object: { x: 1 } };
    const typed = toTypedVariables(plain);
    expect(typed.n!.type).toBe('Integer');
    expect(typed.big!.type).toBe('Long');
    expect(typed.object!.type).toBe('Json');
    expect(fromTypedVariables(typed)).toEqual(plain);
  });

  it('keeps line, column and element ids of a parse error', () => {
    const error = engineErrorFrom(
      400,
      {
        type: 'ParseException',
        message: 'ENGINE-09005 Could not parse BPMN process.',
        details: { 'a.bpmn': { errors: [{ message: 'bad', line: 7, column: 12, mainElementId: 'Task_1', elementIds: ['Task_1', 'Flow_2'] }], warnings: [] } },
      },
      'deploy',
    );
    expect(error).toBeInstanceOf(DeploymentParseError);
    expect((error as DeploymentParseError).errors).toEqual([{ resource: 'a.bpmn', message: 'bad', line: 7, column: 12, elementIds: ['Task_1', 'Flow_2'] }]);
    expect(engineErrorFrom(404, { type: 'RestException', message: 'gone' }, 'x')).toBeInstanceOf(EngineNotFoundError);
  });
});
