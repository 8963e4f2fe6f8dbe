import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import type { SessionUser } from './types.ts';

/**
 * The ONE place that decides who may do what (ADR 0007). Routes state what they need in one line
 * (`requirePermission(locals, 'org:manage-members', { organizationId })`); domain functions that act
 * on behalf of a person call `can()` with the same action. Nothing else in the code base compares
 * roles.
 *
 * Global roles: admin, editor, instructor, expert, learner (User.roles).
 * Organization roles: manager, staff (Membership.role, with department and position).
 */
export type Action =
	/** Enter the /admin area at all. */
	| 'admin:access'
	/** List and read every person's account. */
	| 'users:read'
	/** Invite anyone, with any global role and to any organization. */
	| 'users:invite'
	/** Grant or revoke global roles. */
	| 'users:assign-roles'
	/** Add, change or remove memberships in any organization. */
	| 'memberships:manage'
	/** Create and edit organizations and their departments. */
	| 'organizations:manage'
	/** Read the audit log. */
	| 'audit:read'
	/** Read the mail outbox (/admin/mail). */
	| 'mail:read'
	/** Send a test message from the mail page. */
	| 'mail:send-test'
	/** Open the manager's pages (/manage) at all: an admin, or a manager of at least one organization. */
	| 'manage:access'
	/** See one organization's people. Target: organizationId. */
	| 'org:view'
	/** Add, change or remove members of one organization. Target: organizationId. */
	| 'org:manage-members'
	/** Invite people (staff or manager) into one organization. Target: organizationId. */
	| 'org:invite'
	/** Edit one's own profile, download one's data, delete one's account. Target (optional): userId. */
	| 'profile:edit-own'
	/** Learning: enrol oneself in a course. Target: enrolmentMode (only 'open' courses). */
	| 'course:enrol'
	/** Learning: ask to join a staff course that needs approval. Target: enrolmentMode ('approval'). */
	| 'course:request'
	/** Learning: assign a course to people of one organization. Target: organizationId. */
	| 'course:assign'
	/** Learning: approve or decline requests of one organization's people. Target: organizationId. */
	| 'course:decide'
	/** Learning: upload H5P packages. */
	| 'h5p:upload'
	/** Browse and export xAPI statements; create and revoke xAPI client credentials (/admin/xapi). */
	| 'xapi:admin'
	/** Certificates: download a certificate's PDF and credential. Target: userId (its holder). */
	| 'certificate:download'
	/** Certificates: revoke any certificate (admins). */
	| 'certificate:revoke'
	/** Learning: a course's instructor view (every learner, progress, quiz statistics, CSV). Target: instructorIds. */
	| 'course:instruct'
	/** Learning: the same view limited to one organization's people (its managers). Target: organizationId. */
	| 'course:report'
	/** Events: register oneself for an event (anyone signed in). */
	| 'event:register'
	/** Events: register a delegation (several participants) at once: admins, instructors, managers. */
	| 'event:register-group'
	/** Certification: programmes and frameworks of one organization (null target: portal-wide, admins). Target: organizationId. */
	| 'certification:manage'
	/** Certification: assign programmes, see compliance, assess staff, adjust their plans. Target: organizationId. */
	| 'certification:assign'
	/** Certification: override a person's status (grant) with a reason, audited: admins only. */
	| 'certification:override'
	/** Certification: revoke a certification of one organization's person. Target: organizationId. */
	| 'certification:revoke'
	/** Events: create events (/events/new). */
	| 'event:create'
	/** Events: run one event (edit, cancel, attendance, export, recordings, feedback). Target: hostIds. */
	| 'event:host'
	/** Publishing: write article drafts (contributors, editors, admins). */
	| 'article:write'
	/** Publishing: change one article's text. Target: userId (its author), articleStatus. */
	| 'article:edit'
	/** Publishing: review, schedule, publish and archive articles (editors, admins). */
	| 'article:publish'
	/** Publishing: compose bulletins, run campaigns, import subscribers (editors, admins). */
	| 'bulletin:manage'
	/** Ratings: editions, CSV imports, values typed by monitors, publication (editors, admins). */
	| 'rating:manage'
	/** Contests: set up contests, nominations, criteria, juries; close rounds; publish results (editors, admins). */
	| 'contest:manage'
	/** Contests: register an entry for one's organization (anyone signed in). */
	| 'contest:enter'
	/** Contests: see and score a nomination's entries. Target: jury (a member of its panel, not recused). */
	| 'contest:judge'
	/** Contests: vote in the public vote (anyone signed in, once per nomination). */
	| 'contest:vote'
	/** Cases: write and submit a best-practice case (members of an organization, contributors, editors, admins). */
	| 'case:submit'
	/** Cases: change one case before publication. Target: userId (its author). */
	| 'case:edit'
	/** Cases: editorial review (comment, ask for changes, publish) (editors, admins). */
	| 'case:review'
	/** Club: ask to join the Expert Club (anyone signed in). */
	| 'club:join'
	/** Club: comment on drafts and post in discussions. Target: clubRole (coordinator, member, observer). */
	| 'club:comment'
	/** Club: propose amendments and start drafts. Target: clubRole (coordinator, member). */
	| 'club:amend'
	/** Club: vote on a resolution. Target: clubRole (coordinator, member; never an observer). */
	| 'club:vote'
	/** Club: edit one draft (versions, amendment decisions, voting). Target: clubRole and drafterId. */
	| 'club:draft-edit'
	/** Club: members, meetings, addressees, consultations, moderation. Target: clubRole (coordinator). */
	| 'club:manage'
	/** Club: comment on a draft in public consultation (anyone signed in). */
	| 'consultation:comment';

export interface PermissionTarget {
	/** The organization the action concerns (org:* actions). */
	organizationId?: string | null;
	/** The person the action concerns (profile:edit-own). */
	userId?: string | null;
	/** How a course is joined (course:enrol, course:request). */
	enrolmentMode?: 'open' | 'assigned' | 'approval' | null;
	/** The hosts of an event (event:host): its host ids and its creator. */
	hostIds?: string[] | null;
	/** The state of an article (article:edit): a contributor edits only their own drafts. */
	articleStatus?: string | null;
	/** One's seat on a contest nomination's panel (contest:judge): member of it, and recused from it. */
	jury?: { member: boolean; recused: boolean } | null;
	/** The portal accounts named as a course's instructors (course:instruct). */
	instructorIds?: string[] | null;
	/** The person's active role in the Expert Club (club:*), null when not a member. */
	clubRole?: 'coordinator' | 'member' | 'observer' | null;
	/** The drafter of a resolution (club:draft-edit). */
	drafterId?: string | null;
}

/** Who may act: a predicate over the person and the target, one per action. */
type Rule = (user: SessionUser, target: PermissionTarget) => boolean;

const isAdmin = (user: SessionUser) => user.roles.includes('admin');

const managesOrganization = (user: SessionUser, organizationId: string | null | undefined) =>
	!!organizationId && user.memberships.some((ms) => ms.role === 'manager' && ms.organizationId === organizationId);

const adminOnly: Rule = (user) => isAdmin(user);
// An org:* action without an organization is refused for everyone but admins: a manager's power
// is always bounded by one organization, never "any".
const adminOrManagerOf: Rule = (user, target) => isAdmin(user) || managesOrganization(user, target.organizationId);

const rules: Record<Action, Rule> = {
	'admin:access': adminOnly,
	'users:read': adminOnly,
	'users:invite': adminOnly,
	'users:assign-roles': adminOnly,
	'memberships:manage': adminOnly,
	'organizations:manage': adminOnly,
	'audit:read': adminOnly,
	'mail:read': adminOnly,
	'mail:send-test': adminOnly,
	'manage:access': (user) => isAdmin(user) || user.memberships.some((ms) => ms.role === 'manager'),
	'org:view': adminOrManagerOf,
	'org:manage-members': adminOrManagerOf,
	'org:invite': adminOrManagerOf,
	// Only ever one's own profile: an admin deletes or edits other accounts through the users:* actions.
	'profile:edit-own': (user, target) => !target.userId || target.userId === user.id,
	// Learning (issue 3): open courses are for everyone signed in; staff courses need a membership
	// (the request goes to that organization's managers) or come by assignment from a manager.
	'course:enrol': (_user, target) => target.enrolmentMode === 'open',
	'course:request': (user, target) =>
		target.enrolmentMode === 'approval' && (isAdmin(user) || user.roles.includes('instructor') || user.memberships.length > 0),
	'course:assign': adminOrManagerOf,
	'course:decide': (user, target) => adminOrManagerOf(user, target) || user.roles.includes('instructor'),
	'h5p:upload': (user) => isAdmin(user) || user.roles.includes('instructor'),
	// The xAPI record store (issue 7): its statements and credentials are for admins only.
	'xapi:admin': adminOnly,
	// Certificates (issues 3, 4): the holder downloads their own; revocation is an admin's act.
	'certificate:download': (user, target) => isAdmin(user) || (!!target.userId && target.userId === user.id),
	'certificate:revoke': adminOnly,
	// Instructor view (issue 3): a course's own instructors see all its learners, a manager only their organization's.
	'course:instruct': (user, target) => isAdmin(user) || (!!target.instructorIds && target.instructorIds.includes(user.id)),
	'course:report': adminOrManagerOf,
	// Events (issue 5): a delegation is registered by someone who speaks for a city's staff.
	// Certification (issue 4): a manager's powers stop at their organization; overrides are admins' only.
	'certification:manage': adminOrManagerOf,
	'certification:assign': adminOrManagerOf,
	'certification:override': adminOnly,
	'certification:revoke': adminOrManagerOf,
	'event:register': () => true,
	'event:register-group': (user) => isAdmin(user) || user.roles.includes('instructor') || user.memberships.some((ms) => ms.role === 'manager'),
	'event:create': (user) => isAdmin(user) || user.roles.includes('instructor'),
	'event:host': (user, target) => isAdmin(user) || (!!target.hostIds && target.hostIds.includes(user.id)),
	// Publishing (issue 9): contributors write drafts; editors review, publish and mail.
	'article:write': (user) => isAdmin(user) || user.roles.includes('editor') || user.roles.includes('contributor'),
	'article:edit': (user, target) =>
		isAdmin(user) ||
		user.roles.includes('editor') ||
		(user.roles.includes('contributor') && !!target.userId && target.userId === user.id && target.articleStatus === 'draft'),
	'article:publish': (user) => isAdmin(user) || user.roles.includes('editor'),
	'bulletin:manage': (user) => isAdmin(user) || user.roles.includes('editor'),
	// Cases, contests, ratings (issue 10): jurors are rows of a contest's panels, not a global role.
	'rating:manage': (user) => isAdmin(user) || user.roles.includes('editor'),
	'contest:manage': (user) => isAdmin(user) || user.roles.includes('editor'),
	'contest:enter': () => true,
	'contest:judge': (_user, target) => !!target.jury?.member && !target.jury.recused,
	'contest:vote': () => true,
	'case:submit': (user) => isAdmin(user) || user.roles.includes('editor') || user.roles.includes('contributor') || user.memberships.length > 0,
	'case:edit': (user, target) => isAdmin(user) || user.roles.includes('editor') || (!!target.userId && target.userId === user.id),
	'case:review': (user) => isAdmin(user) || user.roles.includes('editor'),
	// Expert Club (issue 8): the club role comes from the club's membership table, not global roles.
	'club:join': () => true,
	'club:comment': (_user, target) => !!target.clubRole,
	'club:amend': (_user, target) => target.clubRole === 'coordinator' || target.clubRole === 'member',
	'club:vote': (_user, target) => target.clubRole === 'coordinator' || target.clubRole === 'member',
	'club:draft-edit': (user, target) =>
		target.clubRole === 'coordinator' || (target.clubRole === 'member' && !!target.drafterId && target.drafterId === user.id),
	'club:manage': (user, target) => isAdmin(user) || target.clubRole === 'coordinator',
	'consultation:comment': () => true
};

export const ACTIONS = Object.keys(rules) as Action[];

/** May `user` (null for a guest) do `action` (on `target`)? Guests may do none of these. */
export function can(user: SessionUser | null | undefined, action: Action, target: PermissionTarget = {}): boolean {
	if (!user) return false;
	const rule = rules[action];
	if (!rule) return false; // an unknown action (e.g. a stale string from JS) is denied, never allowed
	return rule(user, target);
}

/** Organizations whose people `user` may see (all for admins: `'all'`). */
export function visibleOrganizationIds(user: SessionUser | null | undefined): string[] | 'all' {
	if (!user) return [];
	if (isAdmin(user)) return 'all';
	return user.memberships.filter((ms) => ms.role === 'manager').map((ms) => ms.organizationId);
}

/** Organizations `user` manages as a member (not counting admin powers). */
export function managedOrganizationIds(user: SessionUser | null | undefined): string[] {
	if (!user) return [];
	return user.memberships.filter((ms) => ms.role === 'manager').map((ms) => ms.organizationId);
}

type LocalsLike = Pick<App.Locals, 'user' | 'locale' | 'path'>;

/** Sends a guest to the sign-in page of their language, remembering where they wanted to go. */
function redirectToSignIn(locals: LocalsLike): never {
	const signin = localizeHref('/signin', { locale: locals.locale ?? 'uk' });
	redirect(303, `${signin}?redirectTo=${encodeURIComponent(locals.path ?? '/')}`);
}

/** The signed-in person, or a redirect to /signin for a guest. */
export function requireUser(locals: LocalsLike): SessionUser {
	if (!locals.user) redirectToSignIn(locals);
	return locals.user;
}

/**
 * Guards a load or an action: returns the signed-in person when they may do `action`; a guest is
 * redirected (303) to the localized /signin?redirectTo=…; anyone else gets a translated 403.
 */
export function requirePermission(locals: LocalsLike, action: Action, target?: PermissionTarget): SessionUser {
	const user = requireUser(locals);
	if (!can(user, action, target)) {
		error(403, { message: m.account_forbidden({}, { locale: locals.locale ?? 'uk' }) });
	}
	return user;
}
