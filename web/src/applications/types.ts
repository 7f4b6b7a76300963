/** Shapes of the application API (src/applications/routes.ts); server types are imported type-only. */
import type { z } from 'zod';
import type { CorrectionRequest } from '../../../src/applications/corrections.js';
import type { applicationSchema, Upload } from '../../../src/applications/intake.js';
import type { LAND_USE_CLASSES as SERVER_LAND_USE_CLASSES, PROJECT_TYPES as SERVER_PROJECT_TYPES, Project } from '../../../src/applications/project.js';

export type { CorrectionRequest, Project, Upload };

/** Body of `POST /api/applications`. */
export type ApplicationBody = z.input<typeof applicationSchema>;

export type ProjectType = (typeof SERVER_PROJECT_TYPES)[number];
export type LandUseClass = (typeof SERVER_LAND_USE_CLASSES)[number];

/** The server's lists, repeated here because the browser bundles no server code; the types keep them in step. */
export const PROJECT_TYPES = ['residential', 'commercial', 'industrial', 'public', 'infrastructure'] as const satisfies readonly ProjectType[];
export const LAND_USE_CLASSES = ['R', 'B', 'M', 'A', 'S', 'U', 'G'] as const satisfies readonly LandUseClass[];
// …and in the other direction: a value added on the server but not here fails the type check.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : never;
const listsComplete: [Missing<ProjectType, (typeof PROJECT_TYPES)[number]>, Missing<LandUseClass, (typeof LAND_USE_CLASSES)[number]>] = [true, true];
void listsComplete;

/** Answer of `POST /api/applications`. */
export interface SubmittedApplication {
  caseId: string;
  businessKey: string;
  itemCode: string;
  catalogueVersion: number;
  deadline: string;
  yellowAt: string;
}

/** One row of `GET /api/applications/mine`. */
export interface MyApplication {
  caseId: string;
  businessKey: string;
  itemCode: string | null;
  applicant: string;
  submittedAt: string;
  running: boolean;
}

/** Answer of `POST /api/cases/:caseId/corrections/:requestId`. */
export interface SuppliedCorrections {
  round: number;
  materials: string[];
}
