import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { certificateView } from '../certificates/view.ts';
import type { CertificateRecord } from '../certificates/types.ts';
import { importFramework, sampleFramework } from './framework.ts';
import { competencyPath, publicFramework, publicFrameworks } from './framework-public.ts';
import { makeCourse, sessionOf, uniq } from './test-helpers.ts';

const admin = sessionOf({ id: 'admin-fw-public', email: 'admin-fw-public@test.maisternia.ua', name: 'Адмін' }, ['admin']);

describe('public framework page', () => {
	it('lists areas and competencies with their anchors, four levels in order, and only real courses and public events', async () => {
		await db().user.upsert({ where: { id: admin.id }, create: { id: admin.id, email: admin.email, name: admin.name }, update: {} });
		const { courseId } = await makeCourse();
		const sample = sampleFramework();
		const slug = uniq('fw-public');
		const eventSlug = uniq('event');
		const hidden = uniq('event-hidden');
		const start = new Date('2026-12-01T09:00:00Z');
		for (const [s, isPublic] of [[eventSlug, true], [hidden, false]] as const)
			await db().event.create({ data: { slug: s, kind: 'webinar', isPublic, titleUk: `Вебінар ${s}`, titleEn: `Webinar ${s}`, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), checkinCode: s } });
		const first = sample.areas[0]!.competencies[0]!;
		const areas = sample.areas.map((a, i) =>
			i === 0 ? { ...a, competencies: [{ ...first, levels: [...first.levels].reverse(), courseIds: [courseId, 'no-such-course'], eventSlugs: [eventSlug, hidden] }, ...a.competencies.slice(1)] } : a
		);
		await importFramework(admin, { ...sample, slug, areas }, { checkCourses: false });

		const fw = (await publicFramework(slug))!;
		expect(fw.areas.map((a) => a.code)).toEqual(sample.areas.map((a) => a.code));
		const c = fw.areas[0]!.competencies[0]!;
		expect(c.anchor).toBe(`competency-${first.code}`);
		expect(c.levels.map((l) => l.level)).toEqual([1, 2, 3, 4]);
		expect(c.courses).toEqual([{ slug: courseId, titleUk: `Курс ${courseId}`, titleEn: `Course ${courseId}` }]);
		expect(c.events.map((e) => e.slug)).toEqual([eventSlug]);
		expect((await publicFrameworks()).find((f) => f.slug === slug)?.competencies).toBe(sample.areas.flatMap((a) => a.competencies).length);
		expect(await publicFramework(uniq('missing'))).toBeNull();
		expect(competencyPath(slug, '2.1')).toBe(`/certification/competencies/${slug}#competency-2.1`);
	});

	it('a certificate shown on /verify lists its competencies with links to their framework page', () => {
		const view = certificateView({
			serial: 'X', kind: 'programme', holderName: 'Н', titleUk: 'П', titleEn: 'P', hours: null, credits: null, issuedAt: new Date(), expiresAt: null, revokedAt: null, revocationReason: null,
			competencies: [{ code: '2.1', uk: 'Відкриті дані', en: 'Open data', level: 3, framework: { slug: 'fw', uk: 'Рамка', en: 'Framework' } }, { uk: 'Без рамки', en: 'No framework' }]
		} as unknown as CertificateRecord);
		expect(view.competencies[0]).toEqual({ uk: expect.stringContaining('2.1 Відкриті дані'), en: expect.stringContaining('2.1 Open data'), href: competencyPath('fw', '2.1') });
		expect(view.competencies[0]!.en).toContain('3');
		expect(view.competencies[1]).toEqual({ uk: 'Без рамки', en: 'No framework', href: null });
	});
});
