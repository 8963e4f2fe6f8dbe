import { questionsCsv, quizItemStats } from '$lib/server/instructor';
import { instructorAccess } from '../access';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { course, scope, locale } = await instructorAccess(locals, params.slug);
	const csv = questionsCsv(await quizItemStats(course.id, scope), locale);
	return new Response(csv, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${course.slug}-questions.csv"`, 'cache-control': 'private, no-store' }
	});
};
