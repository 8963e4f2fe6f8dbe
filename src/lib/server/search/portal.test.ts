import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import { startJobs, stopJobs } from '../jobs/index.ts';
import { importCourses } from '../learning/import.ts';
import { tempRoot, writeCourse } from '../learning/test-helpers.ts';
import { cancelEvent, deleteEvent, updateEvent } from '../events/events.ts';
import { makeEvent } from '../events/test-helpers.ts';
import { reindexAll, search, searchEngine } from './index.ts';
import './jobs.ts';

/**
 * Courses and events in the portal-wide index: what the learning and events domains change reaches
 * the index through search.index jobs (run here by a real pg-boss worker), in both languages, and
 * leaves it when the event is cancelled or deleted.
 */
const kind = inject('databaseKind');
const url = inject('databaseUrl');
const run = Date.now().toString(36);
const refIds = async (q: string, kinds?: Array<'course' | 'event'>) => (await search({ q, kinds, pageSize: 20 })).hits.map((h) => h.refId);
// Generous: on a loaded machine a job may wait for the worker's next poll.
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 60_000, interval: 300 });

beforeAll(async () => {
	await startJobs(url, async () => {}, { force: true, only: ['search.index'], schedules: false });
}, 60_000);

afterAll(async () => {
	await stopJobs({ timeout: 2_000 });
});

describe(`courses in the portal-wide search (${kind})`, () => {
	it('an imported course is found by its title in either language, with the course kind facet', async () => {
		const root = tempRoot();
		const id = `poshuk-kursu-${run}`;
		writeCourse(root, { id, title: 'Курс про квазіпошукове слово громади', lessons: { intro: 'Вступ до відкритих даних' } });
		const result = await importCourses({ root, force: true });
		expect(result.courses.find((c) => c.courseId === id)?.outcome).toBe('created');
		await poll(() => refIds('квазіпошукового слова', ['course'])).toEqual([id]);
		const r = await search({ q: 'квазіпошукове' });
		const hit = r.hits.find((h) => h.refId === id)!;
		expect(hit).toMatchObject({ kind: 'course', url: `/courses/${id}`, title: 'Курс про квазіпошукове слово громади', titleEn: 'Test course' });
		expect(r.facets.kind).toContainEqual({ value: 'course', count: 1 });
		// English title (writeCourse: «Test course») and lesson titles are searchable too.
		expect(await refIds(`test course квазіпошукове`, ['course'])).toContain(id);
		expect(await refIds('вступ до відкритих даних квазіпошукове', ['course'])).toContain(id);
	}, 180_000);

	it('an archived course (its folder gone) leaves the index', async () => {
		const root = tempRoot();
		writeCourse(root, { id: `inshyi-kurs-${run}`, title: 'Інший курс' });
		await importCourses({ root, force: true });
		await poll(() => refIds('квазіпошукове', ['course'])).toEqual([]);
	}, 180_000);
});

describe(`events in the portal-wide search (${kind})`, () => {
	it('a new event is found (Ukrainian and English), an edit is followed, cancelling removes it', async () => {
		const e = await makeEvent({ titleUk: 'Вебінар про квазіподієве навчання', titleEn: 'Webinar on quasieventful learning', descriptionUk: 'Про громади.', descriptionEn: 'About communities.' });
		// Events other test files create at the same time match «навчання»: ours must come first, and be
		// the only one with the made-up word.
		await poll(async () => (await refIds('квазіподієве навчання'))[0]).toBe(e.id);
		expect(await refIds('квазіподієве')).toEqual([e.id]);
		expect(await refIds('quasieventful learning', ['event'])).toEqual([e.id]);
		const hit = (await search({ q: 'квазіподієве' })).hits[0]!;
		expect(hit).toMatchObject({ kind: 'event', url: `/events/${e.slug}`, title: 'Вебінар про квазіподієве навчання', titleEn: 'Webinar on quasieventful learning' });
		const en = (await search({ q: 'quasieventful' })).hits[0]!;
		expect(en.titleEnHighlight.filter((x) => x.hit).map((x) => x.text)).toEqual(['quasieventful']);
		expect(hit.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

		await updateEvent(e.id, { titleUk: 'Вебінар про квазіоновлене навчання' });
		await poll(() => refIds('квазіоновлене')).toEqual([e.id]);
		expect(await refIds('квазіподієве')).toEqual([]);

		await cancelEvent(e.id);
		await poll(() => refIds('квазіоновлене')).toEqual([]);
	}, 180_000);

	it('an unlisted event is not in the index; a deleted event leaves it', async () => {
		const hidden = await makeEvent({ titleUk: 'Закрита квазіприхована зустріч', isPublic: false });
		const shown = await makeEvent({ titleUk: 'Відкрита квазівидалена зустріч' });
		await poll(() => refIds('квазівидалена')).toEqual([shown.id]);
		expect(await refIds('квазіприхована')).toEqual([]);
		await deleteEvent(shown.id);
		await poll(() => refIds('квазівидалена')).toEqual([]);
		await db().event.delete({ where: { id: hidden.id } });
	}, 180_000);

	it('a full reindex covers courses and events and drops what is gone', async () => {
		const e = await makeEvent({ titleUk: 'Квазіпереіндексована подія' });
		await poll(() => refIds('квазіпереіндексована')).toEqual([e.id]);
		// Deleted behind the service's back: only the full reindex can notice.
		await db().event.delete({ where: { id: e.id } });
		await reindexAll('event');
		expect(await refIds('квазіпереіндексована')).toEqual([]);
		expect(await searchEngine().count('event')).toBe(await db().event.count({ where: { isPublic: true, status: 'scheduled' } }));
	}, 180_000);
});
