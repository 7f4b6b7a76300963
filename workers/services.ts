/**
 * The shared clients every worker process gets (`npm start`, `npm run workers`, tests):
 * built in one place so a handler finds the same services wherever it runs.
 */
import { CalendarService } from '../src/calendar/service.js';
import { ClockStopService } from '../src/clock-stops/service.js';
import type { Config } from '../src/config/config.js';
import type { Database } from '../src/database/prisma.js';
import { DocumentService } from '../src/documents/service.js';
import type { EngineClient } from '../src/engine/client.js';
import { CertificateAuthority } from '../src/pki/authority.js';
import type { WorkerServices } from './runtime/topic.js';

export function createWorkerServices(config: Pick<Config, 'keyEncryptionKey' | 'office'>, database: Database, engine: EngineClient): Required<WorkerServices> {
  const calendars = new CalendarService(database, { closingTime: config.office.closingTime });
  return {
    database,
    engine,
    documents: new DocumentService(database, new CertificateAuthority(database, config.keyEncryptionKey)),
    calendars,
    clockStops: new ClockStopService(database, engine, calendars),
  };
}
