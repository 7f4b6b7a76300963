/**
 * The approval procedures end to end on the real engine, through the API and the shipped
 * workers. One file, one worker pool (see test/support/approval.ts).
 */
import { approvalWorld } from '../support/approval.js';

approvalWorld();
await import('./single-department.js');
await import('./parallel.js');
await import('./demo-seed.js');
