import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { ACTIONS, can, requirePermission, requireUser, visibleOrganizationIds, type Action } from './permissions.ts';
import type { GlobalRole, SessionMembership, SessionUser } from './types.ts';

const VIN = 'org-vinnytsia';
const MYK = 'org-mykolaiv';

function person(id: string, roles: GlobalRole[], memberships: Array<Partial<SessionMembership>> = []): SessionUser {
	return {
		id,
		email: `${id}@demo.maisternia.ua`,
		name: id,
		locale: 'uk',
		roles,
		emailVerified: true,
		memberships: memberships.map((ms) => ({
			organizationId: VIN,
			organizationSlug: 'vinnytsia',
			departmentId: null,
			role: 'staff',
			position: null,
			...ms
		}))
	};
}

const people = {
	guest: null,
	admin: person('admin', ['admin', 'learner']),
	editor: person('editor', ['editor', 'learner']),
	instructor: person('instructor', ['instructor', 'learner']),
	expert: person('expert', ['expert', 'learner']),
	learner: person('learner', ['learner']),
	managerVin: person('manager.vinnytsia', ['learner'], [{ organizationId: VIN, role: 'manager' }]),
	staffVin: person('staff.vinnytsia', ['learner'], [{ organizationId: VIN, role: 'staff' }]),
	managerMyk: person('manager.mykolaiv', ['learner'], [{ organizationId: MYK, organizationSlug: 'mykolaiv', role: 'manager' }])
} as const;
type Who = keyof typeof people;
const everyone = Object.keys(people) as Who[];

// Each row: action, target, and exactly who may do it. Everyone not listed must be refused.
const table: Array<[Action, { organizationId?: string; userId?: string; enrolmentMode?: 'open' | 'assigned' | 'approval'; hostIds?: string[]; instructorIds?: string[]; jury?: { member: boolean; recused: boolean }; articleStatus?: string; clubRole?: 'coordinator' | 'member' | 'observer'; drafterId?: string } | undefined, Who[]]> = [
	['admin:access', undefined, ['admin']],
	['users:read', undefined, ['admin']],
	['users:invite', undefined, ['admin']],
	['users:assign-roles', undefined, ['admin']],
	['memberships:manage', undefined, ['admin']],
	['organizations:manage', undefined, ['admin']],
	['audit:read', undefined, ['admin']],
	['mail:read', undefined, ['admin']],
	['mail:send-test', undefined, ['admin']],
	['manage:access', undefined, ['admin', 'managerVin', 'managerMyk']],
	['org:view', { organizationId: VIN }, ['admin', 'managerVin']],
	['org:view', { organizationId: MYK }, ['admin', 'managerMyk']],
	['org:view', { organizationId: 'org-other' }, ['admin']],
	['org:view', undefined, ['admin']],
	['org:manage-members', { organizationId: VIN }, ['admin', 'managerVin']],
	['org:manage-members', { organizationId: MYK }, ['admin', 'managerMyk']],
	['org:invite', { organizationId: VIN }, ['admin', 'managerVin']],
	['org:invite', { organizationId: MYK }, ['admin', 'managerMyk']],
	['profile:edit-own', undefined, everyone.filter((w) => w !== 'guest')],
	['profile:edit-own', { userId: 'learner' }, ['learner']],
	['profile:edit-own', { userId: 'staff.vinnytsia' }, ['staffVin']],
	// Learning (issue 3)
	['course:enrol', { enrolmentMode: 'open' }, everyone.filter((w) => w !== 'guest')],
	['course:enrol', { enrolmentMode: 'approval' }, []],
	['course:enrol', { enrolmentMode: 'assigned' }, []],
	['course:request', { enrolmentMode: 'approval' }, ['admin', 'instructor', 'managerVin', 'staffVin', 'managerMyk']],
	['course:request', { enrolmentMode: 'open' }, []],
	['course:request', { enrolmentMode: 'assigned' }, []],
	['course:assign', { organizationId: VIN }, ['admin', 'managerVin']],
	['course:assign', { organizationId: MYK }, ['admin', 'managerMyk']],
	['course:assign', undefined, ['admin']],
	['course:decide', { organizationId: VIN }, ['admin', 'instructor', 'managerVin']],
	['course:decide', { organizationId: MYK }, ['admin', 'instructor', 'managerMyk']],
	['h5p:upload', undefined, ['admin', 'instructor']],
	['xapi:admin', undefined, ['admin']],
	// Certificates and the instructor view (issue 3)
	['certificate:download', { userId: 'learner' }, ['admin', 'learner']],
	['certificate:download', undefined, ['admin']],
	['certificate:revoke', undefined, ['admin']],
	['course:instruct', { instructorIds: ['instructor'] }, ['admin', 'instructor']],
	['course:instruct', { instructorIds: [] }, ['admin']],
	['course:instruct', undefined, ['admin']],
	['course:report', { organizationId: VIN }, ['admin', 'managerVin']],
	['course:report', { organizationId: MYK }, ['admin', 'managerMyk']],
	['course:report', undefined, ['admin']],
	// Events (issue 5)
	['certification:manage', { organizationId: VIN }, ['admin', 'managerVin']],
	['certification:manage', undefined, ['admin']],
	['certification:assign', { organizationId: MYK }, ['admin', 'managerMyk']],
	['certification:override', { organizationId: VIN }, ['admin']],
	['certification:revoke', { organizationId: VIN }, ['admin', 'managerVin']],
	['event:register', undefined, everyone.filter((w) => w !== 'guest')],
	['event:register-group', undefined, ['admin', 'instructor', 'managerVin', 'managerMyk']],
	['event:create', undefined, ['admin', 'instructor']],
	['event:host', { hostIds: ['instructor'] }, ['admin', 'instructor']],
	['event:host', { hostIds: ['expert', 'staff.vinnytsia'] }, ['admin', 'expert', 'staffVin']],
	['event:host', { hostIds: [] }, ['admin']],
	['event:host', undefined, ['admin']],
	// Publishing (issue 9)
	['article:write', undefined, ['admin', 'editor']],
	['article:edit', { userId: 'editor', articleStatus: 'draft' }, ['admin', 'editor']],
	['article:edit', { userId: 'learner', articleStatus: 'draft' }, ['admin', 'editor']],
	['article:publish', undefined, ['admin', 'editor']],
	['bulletin:manage', undefined, ['admin', 'editor']],
	// Cases, contests, ratings (issue 10)
	['rating:manage', undefined, ['admin', 'editor']],
	['contest:manage', undefined, ['admin', 'editor']],
	['contest:enter', undefined, everyone.filter((w) => w !== 'guest')],
	['contest:judge', { jury: { member: true, recused: false } }, everyone.filter((w) => w !== 'guest')],
	['contest:judge', { jury: { member: true, recused: true } }, []],
	['contest:judge', { jury: { member: false, recused: false } }, []],
	['contest:judge', undefined, []],
	['contest:vote', undefined, everyone.filter((w) => w !== 'guest')],
	['case:submit', undefined, ['admin', 'editor', 'managerVin', 'staffVin', 'managerMyk']],
	['case:edit', { userId: 'staff.vinnytsia' }, ['admin', 'editor', 'staffVin']],
	['case:edit', undefined, ['admin', 'editor']],
	['case:review', undefined, ['admin', 'editor']],
	['club:join', undefined, everyoneSignedIn()],
	['club:comment', { clubRole: 'observer' }, everyoneSignedIn()],
	['club:comment', undefined, []],
	['club:amend', { clubRole: 'observer' }, []],
	['club:amend', { clubRole: 'member' }, everyoneSignedIn()],
	['club:vote', { clubRole: 'observer' }, []],
	['club:vote', { clubRole: 'member' }, everyoneSignedIn()],
	['club:vote', undefined, []],
	['club:draft-edit', { clubRole: 'member', drafterId: 'expert' }, ['expert']],
	['club:draft-edit', { clubRole: 'coordinator', drafterId: 'expert' }, everyoneSignedIn()],
	['club:manage', { clubRole: 'member' }, ['admin']],
	['club:manage', { clubRole: 'coordinator' }, everyoneSignedIn()],
	['consultation:comment', undefined, everyoneSignedIn()]
];

function everyoneSignedIn(): Who[] {
	return (Object.keys(people) as Who[]).filter((w) => w !== 'guest');
}

describe('can()', () => {
	for (const [action, target, allowed] of table) {
		for (const who of everyone) {
			const expected = allowed.includes(who);
			it(`${who} ${expected ? 'may' : 'may not'} ${action} ${target ? JSON.stringify(target) : ''}`, () => {
				expect(can(people[who], action, target)).toBe(expected);
			});
		}
	}

	it('covers every action in the table', () => {
		const tested = new Set(table.map(([a]) => a));
		expect(ACTIONS.filter((a) => !tested.has(a))).toEqual([]);
	});

	it('denies an unknown action', () => {
		expect(can(people.admin, 'users:nuke' as Action)).toBe(false);
	});

	it('a staff member of an organization never gets manager powers there', () => {
		expect(can(people.staffVin, 'org:manage-members', { organizationId: VIN })).toBe(false);
	});

	it('a manager sees only their own organization', () => {
		expect(visibleOrganizationIds(people.managerVin)).toEqual([VIN]);
		expect(visibleOrganizationIds(people.admin)).toBe('all');
		expect(visibleOrganizationIds(null)).toEqual([]);
	});
});

describe('requirePermission()', () => {
	it('redirects a guest to the localized sign-in page with redirectTo', () => {
		for (const [locale, prefix] of [['uk', '/signin'], ['en', '/en/signin']] as const) {
			try {
				requirePermission({ user: null, locale }, 'admin:access');
				expect.unreachable();
			} catch (e) {
				expect(isRedirect(e)).toBe(true);
				if (isRedirect(e)) {
					expect(e.status).toBe(303);
					expect(e.location).toBe(`${prefix}?redirectTo=%2F`);
				}
			}
			// The address asked for (hooks put it in locals) comes back after sign-in, query included.
			const path = `${locale === 'en' ? '/en' : ''}/certification/programmes?q=1&x=a b`;
			try {
				requirePermission({ user: null, locale, path }, 'admin:access');
				expect.unreachable();
			} catch (e) {
				expect(isRedirect(e) && e.location).toBe(`${prefix}?redirectTo=${encodeURIComponent(path)}`);
			}
		}
	});

	it('answers 403 with a translated message to a signed-in person without the permission', () => {
		for (const [locale, word] of [['uk', 'прав'], ['en', 'permission']] as const) {
			try {
				requirePermission({ user: people.managerVin, locale }, 'org:view', { organizationId: MYK });
				expect.unreachable();
			} catch (e) {
				expect(isHttpError(e)).toBe(true);
				if (isHttpError(e)) {
					expect(e.status).toBe(403);
					expect(e.body.message).toContain(word);
				}
			}
		}
	});

	it('returns the person when allowed', () => {
		expect(requirePermission({ user: people.admin, locale: 'uk' }, 'users:read').id).toBe('admin');
		expect(requireUser({ user: people.learner, locale: 'en' }).id).toBe('learner');
	});
});
