/** A pino logger whose lines a test can read back. */
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../src/log/logger.js';

export interface CapturedLogs {
  logger: Logger;
  lines: Record<string, unknown>[];
  messages(): string[];
}

export function captureLogger(level = 'debug'): CapturedLogs {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { logger: pino({ level }, stream), lines, messages: () => lines.map((line) => String(line.msg)) };
}
