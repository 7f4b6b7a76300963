/**
 * Procedure drafts (流程草稿): diagrams a designer saved without deploying them, filed
 * under their process key. A draft must be well-formed BPMN that defines that process.
 */
import type { Database } from '../database/prisma.js';
import { ApiError } from '../http/api-error.js';
import { processesOf, readDiagram } from './diagram.js';

export interface DraftSummary {
  id: number;
  processKey: string;
  name: string;
  comment: string;
  author: string;
  createdAt: string;
}

export interface Draft extends DraftSummary {
  xml: string;
}

type Row = { id: bigint; processKey: string; name: string; comment: string; author: string; createdAt: Date; xml?: string };

function summary(row: Row): DraftSummary {
  return { id: Number(row.id), processKey: row.processKey, name: row.name, comment: row.comment, author: row.author, createdAt: row.createdAt.toISOString() };
}

const SUMMARY = { id: true, processKey: true, name: true, comment: true, author: true, createdAt: true } as const;

export class DraftService {
  constructor(private readonly database: Database) {}

  async save(processKey: string, input: { xml: string; comment?: string }, author: string): Promise<Draft> {
    const diagram = await readDiagram(input.xml, `${processKey}.bpmn`);
    if (!diagram.ok) {
      const { line, column, elementIds, message } = diagram.problem;
      throw new ApiError(400, 'BPMN_PARSE_ERROR', '草稿不是有效的 BPMN 流程图', 'the draft is not a well-formed BPMN diagram', [{ file: `${processKey}.bpmn`, line, column, elementIds, message }]);
    }
    const process = processesOf(diagram.definitions).find((candidate) => candidate.id === processKey);
    if (!process) {
      const found = processesOf(diagram.definitions).map((candidate) => candidate.id);
      throw new ApiError(400, 'PROCESS_KEY_MISMATCH', `流程图中没有流程「${processKey}」`, `the diagram defines no process "${processKey}"`, { processKey, found });
    }
    const row = await this.database.procedureDraft.create({
      data: { processKey, name: process.name ?? '', xml: input.xml, comment: input.comment ?? '', author },
    });
    return { ...summary(row), xml: row.xml };
  }

  async list(processKey: string): Promise<DraftSummary[]> {
    const rows = await this.database.procedureDraft.findMany({ where: { processKey }, select: SUMMARY, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
    return rows.map(summary);
  }

  async get(id: number): Promise<Draft> {
    const row = await this.database.procedureDraft.findUnique({ where: { id: BigInt(id) } });
    if (!row) throw new ApiError(404, 'DRAFT_NOT_FOUND', '草稿不存在', 'no such draft', { id });
    return { ...summary(row), xml: row.xml };
  }

  /** The newest draft of every process key. */
  async latest(): Promise<Map<string, DraftSummary>> {
    const rows = await this.database.procedureDraft.findMany({
      select: SUMMARY,
      distinct: ['processKey'],
      orderBy: [{ processKey: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }],
    });
    return new Map(rows.map((row) => [row.processKey, summary(row)]));
  }
}
