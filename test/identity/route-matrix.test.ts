/**
 * The authorization matrix: every /api route × every role (and no login). A role that a
 * route does not allow gets 403 FORBIDDEN; no login gets 401; an allowed role is never
 * refused for its role. The expected matrix below is the documented one (README).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/identity/roles.js';
import { testApp, type Session, type TestApp } from '../support/app.js';

const STAFF: Role[] = ['clerk', 'reviewer', 'head'];
const DESIGNERS: Role[] = ['designer', 'admin'];
const EXPECTED: Record<string, Role[] | 'public' | 'any'> = {
  'GET /api/status': 'public',
  'GET /api/calendar/years': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/me': 'public',
  'POST /api/auth/logout': 'any',
  'POST /api/auth/password': 'any',
  'GET /api/admin/departments': ['admin'],
  'POST /api/admin/departments': ['admin'],
  'PATCH /api/admin/departments/:code': ['admin'],
  'GET /api/admin/users': ['admin'],
  'POST /api/admin/users': ['admin'],
  'PATCH /api/admin/users/:username': ['admin'],
  'PUT /api/calendar/years/:year': ['admin'],
  'GET /api/cases/:caseId/clock': [...STAFF, 'supervisor'],
  'POST /api/cases/:caseId/clock/pause': STAFF,
  'POST /api/cases/:caseId/clock/resume': STAFF,
  'GET /api/cases/:caseId': [...STAFF, 'supervisor', 'citizen'],
  'GET /api/cases/:caseId/diagram': [...STAFF, 'supervisor', 'citizen'],
  'GET /api/cases/:caseId/materials/:materialId': [...STAFF, 'supervisor', 'citizen'],
  'GET /api/inbox': STAFF,
  'GET /api/tasks/:taskId': STAFF,
  'POST /api/tasks/:taskId/claim': STAFF,
  'POST /api/tasks/:taskId/unclaim': STAFF,
  'POST /api/tasks/:taskId/complete': STAFF,
  'POST /api/demo/cases': ['clerk'],
  'POST /api/applications': ['citizen', 'clerk'],
  'GET /api/applications/mine': ['citizen'],
  'GET /api/cases/:caseId/corrections': ['citizen', 'clerk'],
  'POST /api/cases/:caseId/corrections/:requestId': ['citizen', 'clerk'],
  'GET /api/pki/root': 'public',
  'GET /api/pki/crl': 'public',
  'POST /api/pki/certificates': 'any',
  'GET /api/pki/certificates/mine': 'any',
  'GET /api/pki/certificates': ['admin'],
  'POST /api/pki/init': ['admin'],
  'POST /api/pki/certificates/:serial/revoke': ['admin'],
  'POST /api/pki/seals/:department/rotate': ['admin'],
  'GET /api/verify/:number': 'public',
  'POST /api/verify': 'public',
  'GET /api/documents/:number/signatures/:signer': 'public',
  'GET /api/documents/:number/file': 'any',
  'POST /api/documents/:number/signatures': 'any',
  'GET /api/documents/awaiting-my-signature': 'any',
  'GET /api/catalogue': 'public',
  'GET /api/catalogue/:code': 'public',
  'POST /api/catalogue': ['admin'],
  'PUT /api/catalogue/:code': ['admin'],
  'PATCH /api/catalogue/:code': ['admin'],
  'GET /api/designer/procedures': DESIGNERS,
  'GET /api/designer/definitions/:definitionId/xml': DESIGNERS,
  'GET /api/designer/procedures/:key/drafts': DESIGNERS,
  'POST /api/designer/procedures/:key/drafts': DESIGNERS,
  'GET /api/designer/drafts/:id': DESIGNERS,
  'GET /api/designer/decisions': DESIGNERS,
  'GET /api/designer/decisions/:decisionId/xml': DESIGNERS,
  'GET /api/designer/templates': DESIGNERS,
  'GET /api/designer/lint-context': DESIGNERS,
  'POST /api/designer/lint': DESIGNERS,
  'POST /api/designer/deploy': DESIGNERS,
  'GET /api/designer/migration-plan': ['admin'],
  'POST /api/designer/migrations': ['admin'],
  'GET /api/designer/migrations/:batchId': ['admin'],
  'GET /api/designer/procedures/:key/cases': ['admin'],
};

/** A seeded user holding exactly this role. */
const USER_OF: Record<Role, string> = {
  designer: 'designer',
  clerk: 'window-clerk',
  reviewer: 'demo-reviewer',
  head: 'demo-head',
  admin: 'admin',
  supervisor: 'supervisor',
  tenderer: 'tenderer',
  bidder: 'bidder',
  expert: 'expert',
  citizen: 'citizen',
};

let t: TestApp;
const sessions = new Map<Role, Session>();

beforeAll(async () => {
  t = await testApp();
  for (const role of ROLES) sessions.set(role, await t.login(USER_OF[role]));
});
afterAll(() => t.close());

function concreteUrl(url: string): string {
  return url
    .replace(':caseId', '00000000-0000-0000-0000-000000000001')
    .replace(':taskId', '00000000-0000-0000-0000-000000000002')
    .replace(':materialId', '1')
    .replace(':code', 'nowhere')
    .replace(':username', 'nobody')
    .replace(':year', '2030')
    .replace(':serial', '4f00')
    .replace(':department', 'nowhere')
    .replace(':number', 'LIC-20261128-00000000')
    .replace(':signer', 'nobody')
    .replace(':definitionId', 'nowhere:1:00000000-0000-0000-0000-000000000003')
    .replace(':key', 'nowhere')
    .replace(':batchId', '00000000-0000-0000-0000-000000000004')
    .replace(':id', '999999');
}

it('declares exactly the documented matrix', () => {
  const declared = Object.fromEntries(
    t.app.routeRules.map((rule) => [`${rule.method} ${rule.url}`, rule.access === 'public' ? 'public' : rule.access.roles.length === ROLES.length ? 'any' : [...rule.access.roles].sort()]),
  );
  const expected = Object.fromEntries(Object.entries(EXPECTED).map(([route, roles]) => [route, Array.isArray(roles) ? [...roles].sort() : roles]));
  expect(declared).toEqual(expected);
});

it('enforces it for every route and every role', async () => {
  // Logging out ends the session the other checks use, so it goes last.
  const rules = [...t.app.routeRules].sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
  const refused: string[] = [];
  for (const rule of rules) {
    const url = concreteUrl(rule.url);
    const payload = ['POST', 'PUT', 'PATCH'].includes(rule.method) ? {} : undefined;
    const anonymous = await t.app.inject({ method: rule.method as 'GET', url, payload });
    if (rule.access === 'public') {
      expect(anonymous.statusCode, `${rule.method} ${rule.url} anonymous`).not.toBe(403);
    } else {
      expect(anonymous.statusCode, `${rule.method} ${rule.url} anonymous`).toBe(401);
    }
    for (const role of ROLES) {
      const response = await t.app.inject({ method: rule.method as 'GET', url, payload, headers: sessions.get(role)!.headers });
      const code = response.statusCode === 403 || response.statusCode === 401 ? response.json().error : undefined;
      const allowed = rule.access === 'public' || rule.access.roles.includes(role);
      if (allowed) {
        expect(code, `${rule.method} ${rule.url} as ${role}: ${response.body}`).not.toBe('FORBIDDEN');
        expect(code, `${rule.method} ${rule.url} as ${role}`).not.toBe('UNAUTHENTICATED');
      } else {
        expect(response.statusCode, `${rule.method} ${rule.url} as ${role}`).toBe(403);
        expect(code).toBe('FORBIDDEN');
        refused.push(`${rule.method} ${rule.url} ${role}`);
      }
    }
  }
  expect(refused.length).toBeGreaterThan(100);
});
