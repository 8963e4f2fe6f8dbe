import { handleXapi } from '$lib/server/xapi';
import type { RequestHandler } from './$types';

// The whole LRS is one framework-free function (src/lib/server/xapi/http.ts), tested over HTTP as is.
const serve: RequestHandler = ({ request, locals }) => handleXapi(request, { session: locals.user });

export const GET = serve;
export const HEAD = serve;
export const POST = serve;
export const PUT = serve;
export const DELETE = serve;
export const OPTIONS = serve;
