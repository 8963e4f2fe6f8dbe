import { portalActor, portalHomePage, type PortalPerson } from '../xapi/agents.ts';
import { userPrincipal } from '../xapi/clients.ts';
import { queryStatements, storeStatements } from '../xapi/statements.ts';
import { XAPI_BASE } from '../xapi/constants.ts';

/**
 * What the learning domain needs from the Learning Record Store (src/lib/server/xapi): the results
 * of a person's H5P activities, read through the LRS's own query function with the person as the
 * principal (so only their own statements are visible), and the activity IRIs the player uses.
 */

export const VERB_COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
export const VERB_ANSWERED = 'http://adlnet.gov/expapi/verbs/answered';
export const VERB_PASSED = 'http://adlnet.gov/expapi/verbs/passed';
const RESULT_VERBS = new Set([VERB_COMPLETED, VERB_ANSWERED, VERB_PASSED]);

/** The xAPI activity id of an H5P content: the address the player loads it from, on the portal's origin. */
export function h5pActivityIri(contentId: string): string {
	return `${portalHomePage()}/h5p/content/${encodeURIComponent(contentId)}`;
}

/** The LRS endpoint and the actor the player must write as (the "portal actor" of the LRS). */
export function playerXapiConfig(user: PortalPerson) {
	return { endpoint: `${XAPI_BASE}/`, actor: portalActor({ id: user.id, email: user.email, name: user.name }) };
}

export interface H5PResult {
	/** Best scaled score (0..1) of a completed/answered/passed statement on the activity itself. */
	bestScaled: number | null;
	completed: boolean;
	statements: number;
}

interface StatementLike {
	verb?: { id?: string };
	object?: { id?: string };
	result?: { completion?: boolean; score?: { scaled?: number; raw?: number; max?: number; min?: number } };
}

function scaledOf(s: StatementLike): number | null {
	const score = s.result?.score;
	if (!score) return null;
	if (typeof score.scaled === 'number') return score.scaled;
	if (typeof score.raw === 'number' && typeof score.max === 'number' && score.max > (score.min ?? 0)) {
		return (score.raw - (score.min ?? 0)) / (score.max - (score.min ?? 0));
	}
	return null;
}

/** The person's results on an H5P activity, as stored in the LRS. */
export async function h5pResult(user: PortalPerson, contentId: string): Promise<H5PResult> {
	const iri = h5pActivityIri(contentId);
	const principal = userPrincipal(user);
	let best: number | null = null;
	let completed = false;
	let count = 0;
	let after: string | undefined;
	// Newest first, a page at a time; a learner rarely has more than a few pages on one activity.
	for (let page = 0; page < 20; page++) {
		// The person as principal: the LRS returns only their own statements (any of their IFIs).
		const res = await queryStatements(principal, { activity: iri, limit: 200, ascending: false, after });
		for (const raw of res.statements) {
			const s = raw as StatementLike;
			if (s.object?.id !== iri || !RESULT_VERBS.has(s.verb?.id ?? '')) continue;
			count++;
			if (s.result?.completion === false) continue;
			completed = true;
			const scaled = scaledOf(s);
			if (scaled !== null && (best === null || scaled > best)) best = scaled;
		}
		if (!res.next) break;
		after = res.next;
	}
	return { bestScaled: best, completed, statements: count };
}

/** Stores statements as the person (tests and the internal fallback endpoint use it). */
export async function storeAsPerson(user: PortalPerson, statements: unknown[]) {
	return storeStatements(userPrincipal(user), statements);
}
