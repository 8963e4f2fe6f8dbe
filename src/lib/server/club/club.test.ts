import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { kyivWallTimeToUtc } from '../../i18n/datetime.ts';
import { addComment, castVote, closeVoting, createResolution, decideAmendment, openVoting, paragraphsOf, saveVersion, hideComment } from './resolutions.ts';
import { adoptedRecord, resolutionPage } from './page.ts';
import { addPublicComment, closeDueConsultations, consultationReport, decidePublicComment, openConsultation, publishReport } from './consultations.ts';
import { hidePost, reply, startDiscussion } from './discussions.ts';
import { sendAddresseeReminders, sendDigests } from './jobs.ts';
import { addAddressee, markSent } from './resolutions.ts';
import { canonicalText, sha256Hex } from './text.ts';
import { resolutionPdf } from './pdf.ts';
import { citationsOf } from './citations.ts';
import { ClubError } from './errors.ts';
import { resolutionSearchSource } from './search-source.ts';
import { clubPerson } from './test-helpers.ts';

const texts = (ps: { text: string }[]) => ps.map((p) => p.text);
const marker = (text: string) => /\[(\w)\]/.exec(text)?.[1] ?? '?';

describe('resolutions: comments and amendments stay on their paragraph across five versions', () => {
	it('follows each paragraph through insertions, edits, removal, a move and an accepted amendment', async () => {
		const drafter = await clubPerson('member', 'Світлана Мороз');
		const other = await clubPerson('member', 'Віктор Поліщук');
		const v1 = [
			'[A] Розвивати партнерства щодо обміну інформацією між органами місцевого самоврядування та громадянським суспільством.',
			'[B] Проводити діагностику навчальних потреб та періодично підвищувати кваліфікацію службовців ОМС.',
			'[C] Забезпечувати інтеграцію систем електронного документообігу з геоінформаційними системами міста.',
			'[D] Розвивати електронні інструменти в ЦНАП: термінали самообслуговування та електронну чергу.',
			'[E] Уряду розробити державну політику у сфері кібербезпеки.'
		];
		const r = await createResolution(drafter, { title: 'Рекомендації «100 міст»', text: v1.join('\n\n') });
		const p1 = await paragraphsOf(r.id);
		const byMarker = new Map(p1.map((p) => [marker(p.text), p.id]));
		// Two comments and one amendment per paragraph, on the first version.
		const expected = new Map<string, string>();
		for (const p of p1) {
			const c = await addComment(other, r.id, { kind: 'comment', paragraphId: p.id, body: `Коментар до ${marker(p.text)}` });
			expected.set(c.id, marker(p.text));
			const q = await addComment(other, r.id, { kind: 'comment', paragraphId: p.id, body: `Ще один до ${marker(p.text)}`, quote: p.text.split(' ').slice(1, 3).join(' ') });
			expected.set(q.id, marker(p.text));
		}
		const amendment = await addComment(other, r.id, { kind: 'amendment', paragraphId: byMarker.get('C')!, quote: 'з геоінформаційними системами міста', proposedText: 'з геоінформаційними системами та державними реєстрами', body: 'Додати реєстри.' });
		expected.set(amendment.id, 'C');

		// v2: a new first paragraph.
		await saveVersion(drafter, r.id, ['[N] Новий вступний пункт про мету цих рекомендацій.', ...v1].join('\n\n'));
		// v3: B edited, D edited.
		let cur = texts(await paragraphsOf(r.id));
		cur = cur.map((t) => (t.startsWith('[B]') ? t.replace('періодично', 'щороку') : t.startsWith('[D]') ? t + ' Також попередній запис онлайн.' : t));
		await saveVersion(drafter, r.id, cur.join('\n\n'));
		// v4: E removed, A moved to the end.
		cur = texts(await paragraphsOf(r.id)).filter((t) => !t.startsWith('[E]'));
		cur = [...cur.filter((t) => !t.startsWith('[A]')), cur.find((t) => t.startsWith('[A]'))!];
		await saveVersion(drafter, r.id, cur.join('\n\n'));
		// v5: the amendment on C is accepted (writes version 5 with C's quoted span replaced).
		await decideAmendment(drafter, amendment.id, 'accepted', 'Уточнює мету інтеграції.');
		const page = await resolutionPage(r.id, { id: drafter.id, clubRole: 'member' });
		expect(page!.resolution.currentVersion).toBe(5);
		expect(page!.versions.map((v) => v.number)).toEqual([1, 2, 3, 4, 5]);
		const c = page!.paragraphs.find((p) => p.text.startsWith('[C]'))!;
		expect(c.text).toContain('з геоінформаційними системами та державними реєстрами');
		expect(c.id).toBe(byMarker.get('C'));

		// Every comment sits under the paragraph it was written on, in every version.
		for (let version = 1; version <= 5; version++) {
			const pv = await resolutionPage(r.id, { id: drafter.id, clubRole: 'member' }, { version });
			for (const p of pv!.paragraphs) for (const cm of p.comments) expect(expected.get(cm.id), `v${version}`).toBe(marker(p.text));
			const shown = pv!.paragraphs.flatMap((p) => p.comments).length + pv!.orphans.length;
			expect(shown).toBe(expected.size);
		}
		// E was removed in version 4: its comments are listed apart, not moved to another paragraph.
		expect(page!.orphans.map((o) => expected.get(o.id))).toEqual(['E', 'E']);
		expect(page!.paragraphs.map((p) => marker(p.text))).toEqual(['N', 'B', 'C', 'D', 'A']);
		const decided = await db().clubComment.findUniqueOrThrow({ where: { id: amendment.id } });
		expect(decided).toMatchObject({ decision: 'accepted', decisionReason: 'Уточнює мету інтеграції.', appliedVersion: 5 });
	});

	it('refuses a quote that is not in the paragraph and a comment on a paragraph of no version', async () => {
		const drafter = await clubPerson('member');
		const r = await createResolution(drafter, { title: 'Проєкт', text: 'Перший пункт.\n\nДругий пункт.' });
		const [p] = await paragraphsOf(r.id);
		await expect(addComment(drafter, r.id, { kind: 'comment', paragraphId: p!.id, body: 'x', quote: 'немає такого' })).rejects.toMatchObject({ code: 'quote_not_found' });
		await expect(addComment(drafter, r.id, { kind: 'comment', paragraphId: 'pNOPE', body: 'x' })).rejects.toBeInstanceOf(ClubError);
	});
});

describe('adoption', () => {
	it('numbers the record, lists the signatories, and its fingerprint matches the published text', async () => {
		const a = await clubPerson('coordinator', 'Віктор Поліщук');
		const b = await clubPerson('member', 'Світлана Мороз');
		const c = await clubPerson('member', 'Наталія Гончаренко');
		const r = await createResolution(a, { title: 'Резолюція  щодо е-урядування', text: 'Кабінету Міністрів розробити політику, див. /library/zakon/2017/2155-19#n45.\n\nЗабезпечити навчання службовців.', quorumPercent: 0, thresholdPercent: 50 });
		await openVoting(r.id);
		await expect(addComment(b, r.id, { kind: 'comment', paragraphId: (await paragraphsOf(r.id))[0]!.id, body: 'пізно' })).rejects.toMatchObject({ code: 'not_draft' });
		await castVote(a, r.id, 'for');
		await castVote(b, r.id, 'for');
		await castVote(c, r.id, 'against');
		const adopted = await closeVoting(r.id, new Date('2026-03-31T22:30:00Z')); // 1 April in Kyiv
		expect(adopted.status).toBe('adopted');
		expect(adopted.year).toBe(2026);
		const record = await adoptedRecord(r.id);
		expect(record!.adoptedText.startsWith(`№ ${adopted.number}/2026\n2026-04-01\nРезолюція щодо е-урядування\n\n1. Кабінету`)).toBe(true);
		expect(sha256Hex(record!.adoptedText)).toBe(record!.fingerprint);
		// Recomputed from the adopted version's paragraphs, the text is the same bytes.
		const again = canonicalText({ number: adopted.number!, year: 2026, date: '2026-04-01', title: adopted.title, paragraphs: await paragraphsOf(r.id, adopted.adoptedVersion!) });
		expect(again).toBe(record!.adoptedText);
		expect(record!.signatories.map((s) => s.name).sort()).toEqual(['Віктор Поліщук', 'Світлана Мороз']);
		const pdf = await resolutionPdf({ title: adopted.title, number: adopted.number!, year: 2026, adoptedAt: adopted.adoptedAt!, adoptedText: record!.adoptedText, fingerprint: record!.fingerprint!, signatories: record!.signatories, textUrl: 'http://localhost/x/text.txt' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		// The act page can show the citation back (adopted resolutions are public).
		// Search finds adopted resolutions by number and text.
		const doc = (await resolutionSearchSource.load([r.id])).get(r.id);
		expect(doc).toMatchObject({ kind: 'resolution', url: `/club/resolutions/${r.id}`, keys: [`${adopted.number}/2026`] });
		expect(doc!.body).toContain('Забезпечити навчання службовців.');
		const cited = await citationsOf('act', 'zakon/2017/2155-19');
		expect(cited.find((x) => x.url === `/club/resolutions/${r.id}`)?.anchors).toEqual(['n45']);
	});

	it('reminds the coordinators once when an addressed body has not answered by the review date', async () => {
		const coord = await clubPerson('coordinator', 'Координатор');
		const r = await createResolution(coord, { title: 'Звернення', text: 'Пропозиція.' });
		const a = await addAddressee(r.id, { bodyName: 'Кабінет Міністрів України' });
		await markSent(a.id, new Date(Date.now() - 40 * 86_400_000), new Date(Date.now() - 86_400_000));
		await sendAddresseeReminders();
		const mails = await db().outboxMessage.findMany({ where: { to: coord.email, template: 'club_addressee_reminder' } });
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toContain('Кабінет Міністрів України');
		await sendAddresseeReminders();
		expect(await db().outboxMessage.count({ where: { to: coord.email, template: 'club_addressee_reminder' } })).toBe(1);
	});
});

describe('public consultation', () => {
	it('closes at its deadline in Kyiv time and its report counts match', async () => {
		const coord = await clubPerson('coordinator');
		const citizens = await Promise.all([clubPerson(null, 'Громадянин 1'), clubPerson(null, 'Громадянка 2'), clubPerson(null, 'Громадянин 3')]);
		const r = await createResolution(coord, { title: 'Рекомендації щодо розвитку інструментів е-урядування', kind: 'recommendations', text: 'Перший пункт.\n\nДругий пункт.\n\nТретій пункт.' });
		// "до 24:00 4 липня" (summer time, UTC+3): the deadline is 2026-07-04 23:59 Kyiv = 20:59 UTC.
		const deadline = kyivWallTimeToUtc({ year: 2026, month: 7, day: 4, hour: 23, minute: 59 });
		expect(deadline.toISOString()).toBe('2026-07-04T20:59:00.000Z');
		const opened = new Date('2026-06-20T09:00:00Z');
		const consultation = await openConsultation(r.id, deadline, 'Запрошуємо до обговорення', opened);
		const [p1, p2, p3] = await paragraphsOf(r.id);
		const before = new Date('2026-07-04T20:58:00Z');
		const comments = [
			await addPublicComment(citizens[0]!, consultation.id, { paragraphId: p1!.id, body: 'Підтримую' }, before),
			await addPublicComment(citizens[1]!, consultation.id, { paragraphId: p1!.id, body: 'Уточнити строки' }, before),
			await addPublicComment(citizens[2]!, consultation.id, { paragraphId: p1!.id, body: '<script>spam</script>' }, before),
			await addPublicComment(citizens[0]!, consultation.id, { paragraphId: p3!.id, body: 'Додати ЦНАП' }, before)
		];
		await expect(addPublicComment(citizens[1]!, consultation.id, { paragraphId: p2!.id, body: 'Запізно' }, new Date('2026-07-04T21:00:00Z'))).rejects.toMatchObject({ code: 'closed' });
		expect(await closeDueConsultations(new Date('2026-07-04T20:58:59Z'))).toBe(0);
		expect((await db().clubConsultation.findUniqueOrThrow({ where: { id: consultation.id } })).status).toBe('open');
		expect(await closeDueConsultations(new Date('2026-07-04T20:59:00Z'))).toBeGreaterThanOrEqual(1);
		expect((await db().clubConsultation.findUniqueOrThrow({ where: { id: consultation.id } })).status).toBe('closed');

		await hideComment(coord, comments[2]!.id, 'Спам');
		await decidePublicComment(coord, comments[0]!.id, 'accepted', 'Враховано в п. 1');
		await decidePublicComment(coord, comments[1]!.id, 'rejected', 'Строки визначає уряд');
		await decidePublicComment(coord, comments[3]!.id, 'accepted', 'Додано');
		await publishReport(consultation.id, 'Дякуємо всім');
		const report = await consultationReport(consultation.id);
		expect(report!.consultation.status).toBe('reported');
		expect(report!.rows.map((x) => [x.number, x.total, x.accepted, x.rejected, x.undecided, x.hidden])).toEqual([
			[1, 3, 1, 1, 0, 1],
			[2, 0, 0, 0, 0, 0],
			[3, 1, 1, 0, 0, 0]
		]);
		expect(report!.totals).toEqual({ total: 4, accepted: 2, rejected: 1, hidden: 1 });
		expect(report!.rows[0]!.proposals.map((x) => x.reason)).toEqual(['Враховано в п. 1', 'Строки визначає уряд']);
		const audit = await db().auditLog.findFirst({ where: { targetId: comments[2]!.id } });
		expect(audit).toMatchObject({ action: 'club.hidden', actorId: coord.id, subjectUserId: citizens[2]!.id });
	});
});

describe('discussions', () => {
	it('sends one digest per person with every post since the last one, and none again', async () => {
		const author = await clubPerson('member', 'Автор', 'off');
		const follower = await clubPerson('member', 'Читач', 'daily');
		const mentioned = await clubPerson('member', 'Згаданий', 'daily');
		const handle = (await db().clubMember.findUniqueOrThrow({ where: { userId: mentioned.id } })).handle;
		const d = await startDiscussion(author, { title: 'Стандарти впровадження', topic: 'legal', body: 'Почнімо.' });
		await reply(follower, d.id, 'Я стежу.');
		await reply(author, d.id, `Перше повідомлення, @${handle}`);
		const hidden = await reply(author, d.id, 'Друге повідомлення');
		await hidePost(author, hidden.id, 'Не по темі');
		await reply(author, d.id, 'Третє повідомлення');
		const at = new Date(Date.now() + 1000);
		await sendDigests('daily', at);
		const toFollower = await db().outboxMessage.findMany({ where: { to: follower.email, template: 'club_digest' } });
		const toMentioned = await db().outboxMessage.findMany({ where: { to: mentioned.email, template: 'club_digest' } });
		expect(toFollower).toHaveLength(1);
		expect(toMentioned).toHaveLength(1);
		expect(toFollower[0]!.text).toContain('Перше повідомлення');
		expect(toFollower[0]!.text).toContain('Третє повідомлення');
		expect(toFollower[0]!.text).not.toContain('Друге повідомлення');
		expect(toFollower[0]!.text).not.toContain('Я стежу');
		expect(await db().outboxMessage.count({ where: { to: author.email, template: 'club_digest' } })).toBe(0);
		await sendDigests('daily', new Date(at.getTime() + 1000));
		expect(await db().outboxMessage.count({ where: { to: follower.email, template: 'club_digest' } })).toBe(1);
		expect(await db().auditLog.count({ where: { targetId: hidden.id, action: 'club.hidden' } })).toBe(1);
	});
});
