import { listConsultations } from '$lib/server/club';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const list = await listConsultations();
	return { consultations: list.map((c) => ({ id: c.id, title: c.resolution.title, summary: c.resolution.summary, status: c.status, closesAt: c.closesAt })) };
};
