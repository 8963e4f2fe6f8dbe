import { courseLearners, learnersCsv } from '$lib/server/instructor';
import { instructorAccess } from '../access';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { course, scope, locale } = await instructorAccess(locals, params.slug);
	const csv = learnersCsv(await courseLearners(course.id, scope, locale), locale);
	return new Response(csv, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${course.slug}-learners.csv"`, 'cache-control': 'private, no-store' }
	});
};
