import { error } from '@sveltejs/kit';
import { bulletinForReader, bulletinPdf, toLocale } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const b = await bulletinForReader(Number(params.year), Number(params.number), locals.user);
	if (!b) error(404);
	const locale = toLocale(locals.locale);
	const pdf = await bulletinPdf(b, locale);
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="bulletin-${b.year}-${b.number}-${locale}.pdf"`,
			'cache-control': b.status === 'published' ? 'public, max-age=300' : 'private, no-store'
		}
	});
};
