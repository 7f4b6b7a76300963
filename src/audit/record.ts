/** Appends to the audit trail (审计记录): who did what to which case, and when. */
import type { Database } from '../database/prisma.js';

export interface AuditEvent {
  actor: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

export async function recordAudit(database: Pick<Database, 'auditEntry'>, event: AuditEvent): Promise<void> {
  await database.auditEntry.create({
    data: { actor: event.actor, action: event.action, subject: event.subject, details: (event.details ?? {}) as object },
  });
}
