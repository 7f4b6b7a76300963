/**
 * Intake for the demo procedure (processes/demo): the window accepts an application with
 * its material files, the case starts with deadlines from the working-day calendar, and
 * from there it is worked in the inbox like any case.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { newBusinessKey, openCase } from '../applications/intake.js';
import { MATERIAL_TYPES } from '../catalogue/item.js';
import type { CalendarService } from '../calendar/service.js';
import type { Database } from '../database/prisma.js';
import { planDeadlines, planVariables, type Limits } from '../deadlines/plan.js';
import type { EngineClient } from '../engine/client.js';

export const DEMO_PROCESS_KEY = 'sunshine-demo';

/** The demo's catalogue item: 20 statutory working days, 5 committed, review within 3. */
export const DEMO_LIMITS: Limits = { statutoryDays: 20, committedDays: 5, steps: [{ key: 'Review', days: 3 }] };

const MAX_MATERIAL_BYTES = 5 * 1024 * 1024;

const material = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'must be a material code such as id-card').describe('材料编码 / material code'),
    fileName: z.string().trim().min(1).max(200),
    contentType: z.enum(MATERIAL_TYPES),
    contentBase64: z.base64().describe('文件内容（Base64）/ file content, base64'),
  })
  .refine((file) => Buffer.byteLength(file.contentBase64, 'base64') <= MAX_MATERIAL_BYTES, {
    path: ['contentBase64'],
    message: '单个材料不得超过 5 MB / a material may not exceed 5 MB',
  });

export const demoIntakeBody = z.object({
  applicant: z.string().trim().min(1).max(200).describe('申请人 / applicant'),
  project: z.object({ name: z.string().trim().min(1).max(200), address: z.string().trim().max(300).optional() }).optional().describe('项目 / project'),
  greenChannel: z.boolean().default(false).describe('绿色通道 / green channel'),
  materials: z.array(material).max(30).describe('申请材料 / materials'),
});

export type DemoIntake = z.input<typeof demoIntakeBody>;

export interface DemoDependencies {
  engine: EngineClient;
  database: Database;
  calendars: CalendarService;
}

/** Takes an application in: case record, materials, then the process with its deadlines. */
export async function takeInDemoCase({ engine, database, calendars }: DemoDependencies, intake: z.output<typeof demoIntakeBody>, clerk: { userId: string; department?: string }) {
  const plan = planDeadlines(await calendars.calendar(), DEMO_LIMITS, new Date());
  const key = newBusinessKey('DEMO');
  const codes = [...new Set(intake.materials.map((file) => file.code))];
  const caseId = await openCase({ engine, database }, {
    processKey: DEMO_PROCESS_KEY,
    businessKey: key,
    applicant: intake.applicant,
    project: intake.project ?? {},
    greenChannel: intake.greenChannel,
    variables: { applicant: intake.applicant, materials: codes, greenChannel: intake.greenChannel, ...planVariables(plan) },
    files: intake.materials.map((file) => ({ code: file.code, fileName: file.fileName, contentType: file.contentType, content: Buffer.from(file.contentBase64, 'base64') })),
    actor: clerk,
    intakeDepartment: clerk.department ?? null,
  });
  return { caseId, businessKey: key, deadline: plan.deadline, yellowAt: plan.yellowAt };
}

export const demoRoutes =
  (deps: DemoDependencies): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/demo/cases',
      {
        config: { access: { roles: ['clerk'] } },
        schema: {
          tags: ['demo'],
          summary: '受理演示申请 / take in a demo application',
          body: demoIntakeBody,
          response: { 201: z.object({ caseId: z.string(), businessKey: z.string(), deadline: z.string(), yellowAt: z.string() }) },
        },
      },
      async (request, reply) => reply.status(201).send(await takeInDemoCase(deps, request.body, request.principal!)),
    );
  };
