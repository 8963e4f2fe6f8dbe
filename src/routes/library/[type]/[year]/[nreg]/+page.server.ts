import { error } from '@sveltejs/kit';
import { actJsonLd, getActView, portalReferences } from '$lib/server/library';
import { citationsOf } from '$lib/server/club';
import type { PageServerLoad } from './$types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// One act: card, contents, text with anchors (as of a date with ?as_of=yyyy-mm-dd), redactions,
// relations both ways, the portal's own references, schema.org Legislation.
export const load: PageServerLoad = async ({ params, url }) => {
	const asOfParam = url.searchParams.get('as_of');
	const asOf = asOfParam && ISO_DATE.test(asOfParam) ? asOfParam : null;
	const view = await getActView(`${params.type}/${params.year}/${params.nreg}`, { asOf });
	if (!view) error(404, 'Not found');
	return {
		...view,
		asOf,
		asOfInvalid: Boolean(asOfParam && !asOf),
		canonical: new URL(view.act.url, url.origin).href,
		jsonLd: JSON.stringify(actJsonLd(view, url.origin)).replace(/</g, '\\u003c'),
		references: await portalReferences(view.act),
		// Expert Club (issue 8): where the club's resolutions and minutes cite this act.
		clubCitations: await citationsOf('act', `${params.type}/${params.year}/${params.nreg}`)
	};
};
