import { error } from '@sveltejs/kit';
import { getActView } from '$lib/server/library';
import type { PageServerLoad } from './$types';

// The act for printing: card and full text (as of a date with ?as_of=), no navigation aids.
export const load: PageServerLoad = async ({ params, url }) => {
	const asOf = url.searchParams.get('as_of');
	const view = await getActView(`${params.type}/${params.year}/${params.nreg}`, { asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null });
	if (!view) error(404, 'Not found');
	return { act: view.act, version: view.version, units: view.units };
};
