/**
 * Training-needs diagnosis: a self-assessment against a framework (current and needed level per
 * competency), optionally a manager's assessment (its current levels take precedence), gaps, and the
 * individual development plan built from the gaps: the competency's courses and events (linked in the
 * framework, or upcoming events tagged with the competency code) with target dates. The person and
 * their manager adjust dates, status and notes; progress counts completed courses and attended events.
 */
import { z } from 'zod';
import { db } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { CertificationError } from './errors.ts';
import { addDays } from './engine.ts';

export const ratingSchema = z.object({ current: z.number().int().min(0).max(4), target: z.number().int().min(1).max(4) });
export type Rating = z.infer<typeof ratingSchema>;
export type Ratings = Record<string, Rating>;

/** Days per level of gap given to reach the target (the default target date; adjustable). */
export const DAYS_PER_LEVEL = 60;

async function organizationsOf(userId: string) {
	return (await db().membership.findMany({ where: { userId }, select: { organizationId: true } })).map((m) => m.organizationId);
}

/** May `actor` act on `userId`'s diagnosis and plan: themself, or a manager of one of their organizations. */
export async function mayActFor(actor: SessionUser, userId: string): Promise<boolean> {
	if (actor.id === userId) return true;
	for (const org of await organizationsOf(userId)) if (can(actor, 'certification:assign', { organizationId: org })) return true;
	return false;
}

export async function submitAssessment(actor: SessionUser, input: { userId: string; frameworkSlug: string; ratings: Ratings }, now = new Date()) {
	const kind = actor.id === input.userId ? 'self' : 'manager';
	if (!(await mayActFor(actor, input.userId))) throw new CertificationError('forbidden');
	const fw = await db().competencyFramework.findUnique({ where: { slug: input.frameworkSlug }, include: { competencies: { select: { code: true } } } });
	if (!fw) throw new CertificationError('not_found');
	const codes = new Set(fw.competencies.map((c) => c.code));
	const ratings: Ratings = {};
	for (const [code, r] of Object.entries(input.ratings)) {
		if (!codes.has(code)) continue;
		const parsed = ratingSchema.safeParse(r);
		if (!parsed.success) throw new CertificationError('invalid');
		ratings[code] = parsed.data;
	}
	const row = await db().competencyAssessment.create({ data: { userId: input.userId, frameworkId: fw.id, kind, assessorId: actor.id, ratings, createdAt: now } });
	await buildPlan(input.userId, fw.id, now);
	return row;
}

/** The latest self and manager assessments, merged: the manager's current level wins where given. */
export async function currentRatings(userId: string, frameworkId: string): Promise<{ ratings: Ratings; self: Date | null; manager: Date | null }> {
	const [self, manager] = await Promise.all(
		(['self', 'manager'] as const).map((kind) => db().competencyAssessment.findFirst({ where: { userId, frameworkId, kind }, orderBy: { createdAt: 'desc' } }))
	);
	const ratings: Ratings = { ...((self?.ratings ?? {}) as Ratings) };
	for (const [code, r] of Object.entries((manager?.ratings ?? {}) as Ratings)) ratings[code] = { current: r.current, target: ratings[code]?.target ?? r.target };
	return { ratings, self: self?.createdAt ?? null, manager: manager?.createdAt ?? null };
}

export function gapsOf(ratings: Ratings): Array<{ code: string; current: number; target: number; gap: number }> {
	return Object.entries(ratings)
		.filter(([, r]) => r.target > r.current)
		.map(([code, r]) => ({ code, current: r.current, target: r.target, gap: r.target - r.current }))
		.sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code));
}

/**
 * (Re)builds the plan from the gaps: adds an item per recommended course or event not yet in the
 * plan; items the person or manager adjusted keep their dates and notes; items of closed gaps that
 * are still only planned are dropped.
 */
export async function buildPlan(userId: string, frameworkId: string, now = new Date()) {
	const { ratings } = await currentRatings(userId, frameworkId);
	const gaps = gapsOf(ratings);
	const competencies = await db().competency.findMany({ where: { frameworkId, code: { in: gaps.map((g) => g.code) } } });
	const byCode = new Map(competencies.map((c) => [c.code, c]));
	const events = gaps.length
		? await db().event.findMany({
				where: { status: 'scheduled', startsAt: { gt: now }, OR: [{ competencies: { hasSome: gaps.map((g) => g.code) } }, { slug: { in: competencies.flatMap((c) => c.eventSlugs) } }] },
				select: { slug: true, startsAt: true, competencies: true },
				orderBy: { startsAt: 'asc' },
				take: 50
			})
		: [];
	const plan = await db().developmentPlan.upsert({ where: { userId_frameworkId: { userId, frameworkId } }, create: { userId, frameworkId }, update: {} });
	const wanted: Array<{ competencyCode: string; currentLevel: number; targetLevel: number; activityKind: string; activityRef: string; targetDate: Date }> = [];
	for (const g of gaps) {
		const c = byCode.get(g.code);
		if (!c) continue;
		const due = addDays(now, DAYS_PER_LEVEL * g.gap);
		for (const courseId of c.courseIds) wanted.push({ competencyCode: g.code, currentLevel: g.current, targetLevel: g.target, activityKind: 'course', activityRef: courseId, targetDate: due });
		for (const e of events.filter((e) => e.competencies.includes(g.code) || c.eventSlugs.includes(e.slug)).slice(0, 2))
			wanted.push({ competencyCode: g.code, currentLevel: g.current, targetLevel: g.target, activityKind: 'event', activityRef: e.slug, targetDate: e.startsAt });
	}
	// One item per activity (a course may serve several competencies: the first, largest gap names it).
	const unique = [...new Map(wanted.map((w) => [`${w.activityKind}:${w.activityRef}`, w])).values()];
	await db().$transaction(async (tx) => {
		await tx.developmentPlanItem.createMany({ data: unique.map((w) => ({ planId: plan.id, ...w })), skipDuplicates: true });
		const keep = unique.map((w) => `${w.activityKind}:${w.activityRef}`);
		const items = await tx.developmentPlanItem.findMany({ where: { planId: plan.id, status: 'planned', updatedById: null } });
		const stale = items.filter((i) => !keep.includes(`${i.activityKind}:${i.activityRef}`)).map((i) => i.id);
		if (stale.length) await tx.developmentPlanItem.deleteMany({ where: { id: { in: stale } } });
	});
	return plan;
}

export interface PlanItemView {
	id: string;
	competencyCode: string;
	currentLevel: number;
	targetLevel: number;
	activityKind: 'course' | 'event';
	activityRef: string;
	slug: string | null;
	titleUk: string;
	titleEn: string;
	targetDate: string;
	status: 'planned' | 'done' | 'dropped';
	/** Done by evidence (course completed, event attended) rather than marked. */
	achieved: boolean;
	note: string;
}

/** The plan with its items, titles and progress (done = marked done, or the course completed / event attended). */
export async function planOf(userId: string, frameworkSlug: string) {
	const fw = await db().competencyFramework.findUnique({ where: { slug: frameworkSlug } });
	if (!fw) return null;
	const plan = await db().developmentPlan.findUnique({ where: { userId_frameworkId: { userId, frameworkId: fw.id } }, include: { items: { orderBy: [{ targetDate: 'asc' }, { activityRef: 'asc' }] } } });
	const items = plan?.items ?? [];
	const courseIds = items.filter((i) => i.activityKind === 'course').map((i) => i.activityRef);
	const slugs = items.filter((i) => i.activityKind === 'event').map((i) => i.activityRef);
	const [courses, events, completions, attended] = await Promise.all([
		db().course.findMany({ where: { id: { in: courseIds } }, select: { id: true, slug: true, titleUk: true, titleEn: true } }),
		db().event.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, titleUk: true, titleEn: true } }),
		db().courseCompletion.findMany({ where: { userId, courseId: { in: courseIds } }, select: { courseId: true } }),
		db().attendance.findMany({ where: { userId, event: { slug: { in: slugs } } }, select: { event: { select: { slug: true } } } })
	]);
	const course = new Map(courses.map((c) => [c.id, c]));
	const event = new Map(events.map((e) => [e.slug, e]));
	const done = new Set([...completions.map((c) => `course:${c.courseId}`), ...attended.map((a) => `event:${a.event.slug}`)]);
	const views: PlanItemView[] = items.map((i) => {
		const ref = i.activityKind === 'course' ? course.get(i.activityRef) : event.get(i.activityRef);
		const achieved = done.has(`${i.activityKind}:${i.activityRef}`);
		return {
			id: i.id,
			competencyCode: i.competencyCode,
			currentLevel: i.currentLevel,
			targetLevel: i.targetLevel,
			activityKind: i.activityKind === 'event' ? 'event' : 'course',
			activityRef: i.activityRef,
			slug: ref?.slug ?? null,
			titleUk: ref?.titleUk ?? i.activityRef,
			titleEn: ref?.titleEn ?? i.activityRef,
			targetDate: i.targetDate.toISOString(),
			status: achieved ? 'done' : i.status,
			achieved,
			note: i.note
		};
	});
	const counted = views.filter((v) => v.status !== 'dropped');
	return { framework: fw, items: views, total: counted.length, done: counted.filter((v) => v.status === 'done').length };
}

export const planItemUpdateSchema = z.object({
	itemId: z.string().min(1),
	targetDate: z.date(),
	status: z.enum(['planned', 'done', 'dropped']),
	note: z.string().trim().max(1000).default('')
});

/** The person or their manager adjusts one item. */
export async function updatePlanItem(actor: SessionUser, input: z.input<typeof planItemUpdateSchema>) {
	const d = planItemUpdateSchema.parse(input);
	const item = await db().developmentPlanItem.findUnique({ where: { id: d.itemId }, include: { plan: true } });
	if (!item) throw new CertificationError('not_found');
	if (!(await mayActFor(actor, item.plan.userId))) throw new CertificationError('forbidden');
	return db().developmentPlanItem.update({ where: { id: item.id }, data: { targetDate: d.targetDate, status: d.status, note: d.note, updatedById: actor.id } });
}

/** The person's diagnosis summary per framework (for /certification). */
export async function myDiagnosis(userId: string) {
	const frameworks = await db().competencyFramework.findMany({ orderBy: { titleUk: 'asc' }, select: { id: true, slug: true, titleUk: true, titleEn: true } });
	const out = [];
	for (const f of frameworks) {
		const { ratings, self } = await currentRatings(userId, f.id);
		const plan = await planOf(userId, f.slug);
		out.push({ frameworkId: f.id, slug: f.slug, titleUk: f.titleUk, titleEn: f.titleEn, assessedAt: self?.toISOString() ?? null, gaps: gapsOf(ratings).length, planItems: plan?.total ?? 0, planDone: plan?.done ?? 0 });
	}
	return out;
}
