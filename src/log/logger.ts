/**
 * One structured logger (pino) for API, workers and CLI. Pretty output only when a
 * human watches a terminal; JSON lines otherwise, so logs stay machine-readable.
 */
import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export function createLogger(level: LoggerOptions['level'] = 'info', name = 'sunshine'): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  return pino({
    name,
    level,
    // Never log credentials even if a caller passes a whole config or request.
    redact: ['password', '*.password', 'headers.authorization', 'req.headers.authorization', 'req.headers.cookie'],
    transport: pretty ? { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } : undefined,
  });
}
