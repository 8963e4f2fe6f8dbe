import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { findActPathByNreg, RADA_GO } from '$lib/server/library';
import type { RequestHandler } from './$types';

// Links of the acts' texts (/go/<nreg>, as on the Rada portal): to the act in the library when it
// is there, otherwise to the official text on zakon.rada.gov.ua.
export const GET: RequestHandler = async ({ params }) => {
	const nreg = params.nreg.trim();
	const path = nreg ? await findActPathByNreg(nreg) : null;
	if (path) redirect(303, localizeHref(path));
	redirect(303, `${RADA_GO}${encodeURI(nreg)}`);
};
