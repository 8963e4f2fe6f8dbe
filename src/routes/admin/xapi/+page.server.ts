import { requirePermission } from '$lib/server/auth/permissions';
import { adminFilterOptions, displayText, ifiLabel, iriTail, listStatementsForAdmin, portalHomePage } from '$lib/server/xapi';
import { parseStatementFilter } from '$lib/server/xapi/forms';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, 'xapi:admin');
	const { filter, form, dateError, page } = parseStatementFilter(url.searchParams);
	const [list, options] = await Promise.all([listStatementsForAdmin(filter, page, 50), adminFilterOptions()]);
	const locale = locals.locale;
	return {
		filter: form,
		dateError,
		verbs: options.verbs.map((v) => ({ id: v.id, label: iriTail(v.id), count: v.count })),
		total: list.total,
		page: list.page,
		pages: list.pages,
		endpoint: `${portalHomePage()}/xapi/`,
		exportQuery: url.searchParams.toString(),
		items: list.items.map((r) => ({
			id: r.statementId,
			stored: r.stored,
			learner: r.actorName ?? ifiLabel(r.actorIfi),
			learnerId: ifiLabel(r.actorIfi),
			verb: displayText(r.verbDisplay, locale) ?? iriTail(r.verbId),
			verbId: r.verbId,
			object: displayText(r.objectName, locale) ?? r.objectId ?? r.objectType,
			objectId: r.objectId,
			score: r.scoreScaled !== null ? Math.round(r.scoreScaled * 100) + '%' : r.scoreRaw !== null ? String(r.scoreRaw) : null,
			success: r.success,
			completion: r.completion,
			voided: r.voided
		}))
	};
};
