import { error } from '@sveltejs/kit';
import { adoptedRecord, resolutionPdf } from '$lib/server/club';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const r = await adoptedRecord(params.id);
	if (!r || !r.number || !r.year || !r.adoptedAt || !r.fingerprint) error(404, 'Not found');
	const pdf = await resolutionPdf(
		{ title: r.title, number: r.number, year: r.year, adoptedAt: r.adoptedAt, adoptedText: r.adoptedText, fingerprint: r.fingerprint, signatories: r.signatories, textUrl: `${url.origin}/club/resolutions/${r.id}/text.txt` },
		locals.locale === 'en' ? 'en' : 'uk'
	);
	return new Response(new Uint8Array(pdf), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="resolution-${r.number}-${r.year}.pdf"`, 'cache-control': 'public, max-age=3600' }
	});
};
