import { error, json } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/permissions';
import { findRelated, isRelatedKind } from '$lib/server/cases';
import type { RequestHandler } from './$types';

// GET /cases/related?kind=act&q=…: the case form's pickers, as one types (the same search the form
// runs without JavaScript through its «find» action).
export const GET: RequestHandler = async ({ url, locals }) => {
	requirePermission(locals, 'case:submit');
	const kind = url.searchParams.get('kind');
	if (!isRelatedKind(kind)) error(400);
	const items = await findRelated(kind, url.searchParams.get('q') ?? '', locals.locale);
	return json({ items }, { headers: { 'cache-control': 'no-store' } });
};
