import { describe, expect, it, inject } from 'vitest';
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { db } from '../db/index.ts';
import { register, registerGroup } from './registration.ts';
import { attendanceCsv, attendedEvents, attendedEventsForCourse, checkInWithCode, eventCredits, setAttendance } from './attendance.ts';
import { addRecording, confirmWatched, openRecording, recordingsOf } from './recordings.ts';
import { feedbackSummary, submitFeedback } from './feedback.ts';
import { personalFeed, publicFeed, resetFeedToken, feedToken } from './feed.ts';
import { cancelEvent } from './events.ts';
import { eventPage } from './page.ts';
import { seedEvents, SEED_EVENTS } from './seed.ts';
import { makeEvent, person } from './test-helpers.ts';

const kind = inject('databaseKind');
const labels = {
	headers: ['Ім’я', 'Ел. пошта', 'Організація', 'Делегація', 'Статус', 'Зареєстровано', 'Присутність', 'Як відмічено', 'Коли'],
	status: { registered: 'зареєстровано', waitlisted: 'у листі очікування', cancelled: 'скасовано' },
	source: { host: 'ведучий', code: 'код', recording: 'запис' },
	yes: 'так',
	no: 'ні'
};

function live(patch = {}) {
	// In progress: started 10 minutes ago, ends in 80.
	const startsAt = new Date(Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000);
	return makeEvent({ startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), ...patch });
}

describe(`attendance (${kind})`, () => {
	it('check-in with the code only for a seat, only during the event, only with the right code', async () => {
		const e = await live({ capacity: 1, credits: 2 });
		const [a, b, c] = [person(), person(), person()];
		await register(e.id, a);
		await register(e.id, b); // waitlisted
		await expect(checkInWithCode(e.id, a, 'WRONG1')).rejects.toMatchObject({ code: 'bad_code' });
		await expect(checkInWithCode(e.id, b, e.checkinCode)).rejects.toMatchObject({ code: 'not_registered' });
		await expect(checkInWithCode(e.id, c, e.checkinCode)).rejects.toMatchObject({ code: 'not_registered' });
		await expect(checkInWithCode(e.id, a, e.checkinCode, new Date(e.startsAt.getTime() - 3600_000))).rejects.toMatchObject({ code: 'checkin_closed' });
		await expect(checkInWithCode(e.id, a, e.checkinCode, new Date(e.endsAt.getTime() + 3600_000))).rejects.toMatchObject({ code: 'checkin_closed' });
		// Lower case and spaces are forgiven; a second check-in changes nothing.
		const first = await checkInWithCode(e.id, a, ` ${e.checkinCode.slice(0, 3).toLowerCase()} ${e.checkinCode.slice(3)} `);
		const again = await checkInWithCode(e.id, a, e.checkinCode);
		expect(again.id).toBe(first.id);
		expect(first.source).toBe('code');
		const page = await eventPage(e, a);
		expect(page.attendance).toMatchObject({ source: 'code', credits: 2 });
		expect(page.checkin.open).toBe(false);
		expect(await eventCredits(a.id)).toBeGreaterThanOrEqual(2);
	});

	it('the host marks who is present and can take it back; CSV export with answers, Kyiv times, safe cells', async () => {
		const e = await live({ questions: [{ id: 'city', type: 'text', required: true, uk: 'Місто', en: 'City' }] });
		const host = person('Ведуча');
		const [a, b] = [person('=HYPERLINK("x")'), person('Богдан, "Б"')];
		const ra = await register(e.id, a, { answers: { city: 'Вінниця' } });
		const rb = await register(e.id, b, { answers: { city: 'Миколаїв' } });
		const shown = [ra.registration.id, rb.registration.id];
		expect(await setAttendance(e.id, host.id, shown, shown)).toEqual({ added: 2, removed: 0 });
		expect(await setAttendance(e.id, host.id, shown, [ra.registration.id])).toEqual({ added: 0, removed: 1 });
		const att = await db().attendance.findMany({ where: { eventId: e.id } });
		expect(att.map((x) => [x.registrationId, x.source, x.recordedById])).toEqual([[ra.registration.id, 'host', host.id]]);
		const csv = await attendanceCsv(e.id, 'uk', labels);
		expect(csv.startsWith('\uFEFF"Ім’я"')).toBe(true);
		const lines = csv.trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toContain('"Місто"');
		expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
		expect(csv).toContain('"Богдан, ""Б"""');
		expect(csv).toContain('"Вінниця"');
		expect(lines.find((l) => l.includes('Вінниця'))).toContain('"так","ведучий"');
		expect(lines.find((l) => l.includes('Миколаїв'))).toContain('"ні"');
	});

	it('attendance feeds credits and course completion where configured', async () => {
		const a = person();
		const counting = await live({ credits: 1.5, courseIds: ['osnovy-e-uriaduvannia'], countsTowardCourses: true, competencies: ['EG-WEB'] });
		const plain = await live({ credits: 2 });
		const cancelled = await live({ credits: 5 });
		for (const e of [counting, plain, cancelled]) {
			await register(e.id, a);
			await checkInWithCode(e.id, a, e.checkinCode);
		}
		await cancelEvent(cancelled.id);
		const list = await attendedEvents(a.id);
		expect(list.map((x) => x.eventId).sort()).toEqual([counting.id, plain.id].sort());
		expect(await eventCredits(a.id)).toBe(3.5);
		expect((await attendedEventsForCourse(a.id, 'osnovy-e-uriaduvannia')).map((x) => x.eventId)).toEqual([counting.id]);
		expect(await attendedEventsForCourse(a.id, 'other')).toEqual([]);
	});

	it('a delegation member without an account is checked in by the host', async () => {
		const e = await live({ kind: 'internship', format: 'in_person' });
		const manager = person('Керівник');
		const g = await registerGroup(e.id, manager, { delegation: 'Делегація', participants: [{ name: 'Гість', email: `${manager.id}-guest@test.ua` }] });
		const reg = await db().registration.findFirstOrThrow({ where: { groupId: g.groupId } });
		await setAttendance(e.id, manager.id, [reg.id], [reg.id]);
		expect(await db().attendance.count({ where: { eventId: e.id, userId: null } })).toBe(1);
	});
});

describe(`join link (${kind})`, () => {
	it('is shown only to a person with a seat, from joinOpensMinutes before the start until the end', async () => {
		const startsAt = new Date(Math.floor((Date.now() + 2 * 3600_000) / 60_000) * 60_000);
		const e = await makeEvent({ startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), capacity: 1, joinOpensMinutes: 15, joinUrl: 'https://meet.example.org/secret' });
		const [a, b] = [person(), person()];
		await register(e.id, a);
		await register(e.id, b); // waitlisted
		const at = (min: number) => new Date(startsAt.getTime() + min * 60_000);
		expect((await eventPage(e, a, at(-30))).join.url).toBeNull();
		expect((await eventPage(e, a, at(-14))).join.url).toBe('https://meet.example.org/secret');
		expect((await eventPage(e, a, at(59))).join.url).toBe('https://meet.example.org/secret');
		expect((await eventPage(e, a, at(61))).join.url).toBeNull();
		expect((await eventPage(e, b, at(5))).join.url).toBeNull();
		expect((await eventPage(e, null, at(5))).join.url).toBeNull();
		// Never in the public part of the page data.
		expect(JSON.stringify((await eventPage(e, null, at(5))).event)).not.toContain('secret');
	});
});

describe(`recordings (${kind})`, () => {
	it('watching counts as attendance when configured, after enough of the duration', async () => {
		const start = new Date(Date.now() - 3 * 86_400_000);
		const e = await makeEvent({ startsAt: start, endsAt: new Date(start.getTime() + 90 * 60_000), credits: 1 });
		const rec = await addRecording(e.id, { titleUk: 'Запис', titleEn: 'Recording', url: 'https://video.example/1', durationMinutes: 60, materials: [{ titleUk: 'Слайди', titleEn: 'Slides', url: 'https://files.example/s.pdf' }], countsAsAttendance: true });
		const other = await addRecording(e.id, { titleUk: 'Без зарахування', titleEn: 'Not counted', url: 'https://video.example/2', durationMinutes: null, materials: [], countsAsAttendance: false });
		const a = person();
		const t0 = new Date();
		await expect(confirmWatched(rec.id, a, t0)).rejects.toMatchObject({ code: 'not_started' });
		expect(await openRecording(rec.id, a, t0)).toBe('https://video.example/1');
		await expect(confirmWatched(rec.id, a, new Date(t0.getTime() + 10 * 60_000))).rejects.toMatchObject({ code: 'too_early' });
		expect(await confirmWatched(rec.id, a, new Date(t0.getTime() + 31 * 60_000))).toEqual({ attendance: true });
		const att = await db().attendance.findFirstOrThrow({ where: { eventId: e.id, userId: a.id } });
		expect(att).toMatchObject({ source: 'recording', registrationId: null });
		expect(await eventCredits(a.id)).toBe(1);
		// A recording that does not count: watched, but no attendance.
		const b = person();
		await openRecording(other.id, b);
		expect(await confirmWatched(other.id, b)).toEqual({ attendance: false });
		const list = await recordingsOf(e.id, a.id);
		expect(list.map((r) => [r.titleUk, !!r.completedAt])).toEqual([
			['Запис', true],
			['Без зарахування', false]
		]);
		expect(list[0].materials).toEqual([{ titleUk: 'Слайди', titleEn: 'Slides', url: 'https://files.example/s.pdf' }]);
		await expect(addRecording(e.id, { titleUk: 'x', titleEn: 'x', url: 'javascript:alert(1)', durationMinutes: null, materials: [], countsAsAttendance: false })).rejects.toMatchObject({ code: 'invalid' });
	});
});

describe(`feedback (${kind})`, () => {
	it('people with a seat answer once after the start; the host sees averages, distributions and comments', async () => {
		const e = await live();
		const people = [person(), person(), person()];
		for (const p of people) await register(e.id, p);
		await expect(submitFeedback(e.id, people[0], { overall: '5', useful: '4' }, new Date(e.startsAt.getTime() - 60_000))).rejects.toMatchObject({ code: 'not_started' });
		await expect(submitFeedback(e.id, people[0], { overall: '9', useful: '4' })).rejects.toMatchObject({ code: 'invalid' });
		await submitFeedback(e.id, people[0], { overall: '5', useful: '4', recommend: 'yes', comment: 'Більше практики' });
		await submitFeedback(e.id, people[1], { overall: '4', useful: '4', recommend: 'no' });
		await submitFeedback(e.id, people[2], { overall: '3', useful: '5' });
		await expect(submitFeedback(e.id, people[0], { overall: '1', useful: '1' })).rejects.toMatchObject({ code: 'already_answered' });
		await expect(submitFeedback(e.id, person(), { overall: '1', useful: '1' })).rejects.toMatchObject({ code: 'not_registered' });
		const s = await feedbackSummary(e.id);
		expect(s.responses).toBe(3);
		const q = Object.fromEntries(s.questions.map((x) => [x.question.id, x]));
		expect(q.overall).toMatchObject({ answered: 3, average: 4, distribution: [0, 0, 1, 1, 1] });
		expect(q.useful.average).toBe(4.33);
		expect(q.recommend).toMatchObject({ yes: 1, no: 1 });
		expect(q.comment.comments).toEqual(['Більше практики']);
	});
});

describe(`feeds (${kind})`, () => {
	it('the public feed lists public events with UTC times; a private feed lists one person\'s seats', async () => {
		const winter = new Date(Date.UTC(2032, 0, 20, 8, 0));
		const pub = await makeEvent({ startsAt: winter, endsAt: new Date(winter.getTime() + 3600_000) });
		const hidden = await makeEvent({ isPublic: false });
		const text = await publicFeed('uk', 'Події');
		const comp = new ICAL.Component(ICAL.parse(text));
		const uids = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid);
		expect(uids).toContain(`${pub.id}@maisternia.events`);
		expect(uids).not.toContain(`${hidden.id}@maisternia.events`);
		const node = Object.values(nodeIcal.sync.parseICS(text)).find((x) => x?.type === 'VEVENT' && x.uid === `${pub.id}@maisternia.events`) as VEvent;
		expect(new Date(node.start).toISOString()).toBe('2032-01-20T08:00:00.000Z');

		const me = person();
		await db().user.create({ data: { id: me.id, email: me.email, name: me.name } });
		expect(await feedToken(me.id)).toBeNull();
		const token = await resetFeedToken(me.id);
		expect(await feedToken(me.id)).toBe(token);
		await register(pub.id, me);
		await register(hidden.id, me);
		const mine = await personalFeed(token, 'Мої події');
		const myUids = new ICAL.Component(ICAL.parse(mine!)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid);
		expect(myUids.sort()).toEqual([`${pub.id}@maisternia.events`, `${hidden.id}@maisternia.events`].sort());
		const newToken = await resetFeedToken(me.id);
		expect(await personalFeed(token, 'x')).toBeNull();
		expect(await personalFeed(newToken, 'x')).not.toBeNull();
		expect(await personalFeed('../../etc', 'x')).toBeNull();
		await db().user.delete({ where: { id: me.id } });
	});
});

describe(`demo seed (${kind})`, () => {
	it('creates the real demo events once', async () => {
		const first = await seedEvents(db());
		expect(first).toMatch(/created/);
		const again = await seedEvents(db());
		expect(again).toBe(`0 events created, ${SEED_EVENTS.length} existing, 0 indexed`);
		const internship = await db().event.findUniqueOrThrow({ where: { slug: 'stazhuvannia-tekhnologii-e-uriaduvannia-vinnytsia' } });
		expect(internship).toMatchObject({ kind: 'internship', format: 'in_person', capacity: 25, groupMax: 8 });
		const offline = await db().event.findUniqueOrThrow({ where: { slug: 'vebinar-vstup-do-novykh-media' }, include: { recordings: true } });
		expect(offline.recordings[0].countsAsAttendance).toBe(true);
	});
});
