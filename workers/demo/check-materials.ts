/**
 * Demo step of the window (综合窗口): checks that the required materials are present.
 * Missing items become the BPMN error MATERIALS_INCOMPLETE with the complete list,
 * because the law asks for one notice listing everything at once (一次性告知).
 */
import { z } from 'zod';
import { BusinessError, defineTopic } from '../runtime/topic.js';

export const REQUIRED_MATERIALS = ['application-form', 'id-card'] as const;

export const checkMaterials = defineTopic({
  topic: 'demo.check-materials',
  department: 'window',
  description: { zh: '演示：材料核验', en: 'Demo: check materials' },
  input: z.object({
    applicant: z.string().min(1),
    materials: z.array(z.string()),
  }),
  output: z.object({
    materialsComplete: z.literal(true),
    checkedAt: z.iso.datetime({ offset: true }),
  }),
  lockDurationMs: 30_000,
  retry: { retries: 3, initialTimeoutMs: 2_000, maxTimeoutMs: 60_000 },
  async handler(input, { log }) {
    const missing = REQUIRED_MATERIALS.filter((item) => !input.materials.includes(item));
    if (missing.length > 0) {
      throw new BusinessError('MATERIALS_INCOMPLETE', `缺少材料 / missing materials: ${missing.join(', ')}`, { missingMaterials: missing });
    }
    log.info({ applicant: input.applicant }, 'materials complete');
    return { materialsComplete: true as const, checkedAt: new Date().toISOString() };
  },
});
