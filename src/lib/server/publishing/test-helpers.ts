/** Shared by the publishing tests: people with roles, unique names, an issue with published articles, subscribers. */
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import type { GlobalRole } from '../db/generated/client.ts';
import { createBulletin, publishBulletin } from './bulletins.ts';
import { newToken } from './subscriptions.ts';

let seq = 0;
const run = Date.now().toString(36);

export function uniq(prefix: string): string {
	return `${prefix}-${run}-${++seq}`;
}

export function person(roles: GlobalRole[], name = 'Ігор Савчук'): SessionUser {
	const id = uniq('user');
	return { id, email: `${id}@test.maisternia.ua`, name, locale: 'uk', roles, emailVerified: true, memberships: [] };
}

export async function publishedArticle(title = 'Стаття про е-демократію') {
	const slug = uniq('stattia');
	return db().article.create({
		data: {
			slug,
			kind: 'analytical',
			status: 'published',
			publishedAt: new Date(),
			titleUk: `${title} ${slug}`,
			titleEn: `Article ${slug}`,
			summaryUk: 'Короткий опис & <підсумок>',
			bodyUk: `## Розділ\n\nТекст статті з «лапками» та посиланням [на портал](https://example.org/a?b=1&c=2).`,
			authors: ['Оксана Петренко'],
			topics: ['e-democracy']
		}
	});
}

/** A published issue with two articles; its title is unique (tests count messages by subject). */
export async function publishedIssue(editor: SessionUser) {
	const a = await publishedArticle();
	const b = await publishedArticle('Міні-кейс');
	const year = 2030 + (seq % 60);
	const number = (seq % 4) + 1;
	await db().bulletin.deleteMany({ where: { year, number, campaign: null } });
	const taken = await db().bulletin.findUnique({ where: { year_number: { year, number } } });
	const y = taken ? 2100 - (seq % 50) : year;
	const title = `Електронна демократія в Україні ${uniq('випуск')}`;
	const bulletin = await createBulletin(editor, { year: y, number, titleUk: title, titleEn: `E-democracy ${title}`, editorialUk: 'Шановні читачі!\n\nУ цьому випуску — головне.', articleIds: [a.id, b.id] });
	await publishBulletin(editor, bulletin.id);
	return { bulletin, title, articles: [a, b] };
}

/** Confirmed subscribers of the bulletin list. */
export async function subscribers(n: number, prefix = 'reader', locale: 'uk' | 'en' = 'uk'): Promise<string[]> {
	const tag = uniq(prefix);
	const emails = Array.from({ length: n }, (_, i) => `${tag}-${i}@test.maisternia.ua`);
	await db().subscriber.createMany({
		data: emails.map((email) => ({ email, locale, lists: ['bulletin'], status: 'confirmed', confirmedAt: new Date(), token: newToken() }))
	});
	return emails;
}

/** Every confirmed subscriber of the bulletin list leaves it (so each test's campaign has its own recipients). */
export async function clearBulletinList(): Promise<void> {
	await db().subscriber.updateMany({ where: { status: 'confirmed' }, data: { status: 'unsubscribed', unsubscribedAt: new Date() } });
}
