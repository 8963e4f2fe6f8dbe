import { db } from '../db/index.ts';
import { ClubError } from './errors.ts';
import { auditHidden } from './audit.ts';
import { plainLine, renderUserText } from './text.ts';
import type { Actor } from './resolutions.ts';

/**
 * Discussions of the club: threads by topic, nested replies, @mentions of members' handles,
 * following (authors and mentioned members follow automatically), moderation (hide with a reason,
 * audited). Notifications go out as one digest per person (digest.ts), never one mail per post.
 */

export const TOPICS = ['legal', 'services', 'open-data', 'e-democracy', 'training', 'other'] as const;
export type Topic = (typeof TOPICS)[number];

const MENTION = /(?:^|[^\p{L}\p{N}._@])@([a-z0-9][a-z0-9.]{1,39})/gu;

export function mentionsIn(text: string): string[] {
	return [...new Set([...text.matchAll(MENTION)].map((m) => m[1]!.replace(/\.+$/, '')))];
}

export async function listDiscussions(topic?: string | null) {
	return db().clubDiscussion.findMany({
		where: { hiddenAt: null, ...(topic ? { topic } : {}) },
		orderBy: { lastPostAt: 'desc' },
		take: 100,
		select: { id: true, title: true, topic: true, lastPostAt: true, createdAt: true, _count: { select: { posts: { where: { hiddenAt: null } } } } }
	});
}

async function writePost(actor: Actor, discussionId: string, body: string, parentId: string | null) {
	const text = body.trim().slice(0, 20_000);
	if (!text) throw new ClubError('invalid');
	const handles = mentionsIn(text);
	return db().$transaction(async (tx) => {
		if (parentId) {
			const parent = await tx.clubPost.findUnique({ where: { id: parentId }, select: { discussionId: true } });
			if (!parent || parent.discussionId !== discussionId) throw new ClubError('not_found');
		}
		const mentioned = handles.length ? await tx.clubMember.findMany({ where: { handle: { in: handles }, status: 'active' }, select: { userId: true } }) : [];
		const post = await tx.clubPost.create({
			data: { discussionId, parentId, authorId: actor.id, authorName: plainLine(actor.name ?? '—', 120), body: text, bodyHtml: renderUserText(text), mentions: mentioned.map((m) => m.userId) }
		});
		await tx.clubDiscussion.update({ where: { id: discussionId }, data: { lastPostAt: post.createdAt } });
		for (const userId of [actor.id, ...mentioned.map((m) => m.userId)]) {
			await tx.clubFollow.upsert({ where: { discussionId_userId: { discussionId, userId } }, create: { discussionId, userId }, update: {} });
		}
		return post;
	});
}

export async function startDiscussion(actor: Actor, input: { title: string; topic: string; body: string }) {
	const title = plainLine(input.title, 200);
	if (!title || !(TOPICS as readonly string[]).includes(input.topic)) throw new ClubError('invalid');
	const d = await db().clubDiscussion.create({ data: { title, topic: input.topic, authorId: actor.id } });
	await writePost(actor, d.id, input.body, null);
	return d;
}

export async function reply(actor: Actor, discussionId: string, body: string, parentId: string | null = null) {
	const d = await db().clubDiscussion.findUnique({ where: { id: discussionId }, select: { id: true, hiddenAt: true } });
	if (!d || d.hiddenAt) throw new ClubError('not_found');
	return writePost(actor, discussionId, body, parentId);
}

export async function setFollowing(userId: string, discussionId: string, follow: boolean) {
	if (follow) await db().clubFollow.upsert({ where: { discussionId_userId: { discussionId, userId } }, create: { discussionId, userId }, update: {} });
	else await db().clubFollow.deleteMany({ where: { discussionId, userId } });
}

export async function hidePost(actor: Actor, postId: string, reason: string) {
	const why = plainLine(reason, 500);
	if (!why) throw new ClubError('invalid');
	await db().$transaction(async (tx) => {
		const p = await tx.clubPost.findUnique({ where: { id: postId }, select: { id: true, authorId: true } });
		if (!p) throw new ClubError('not_found');
		await tx.clubPost.update({ where: { id: p.id }, data: { hiddenAt: new Date(), hiddenReason: why, hiddenById: actor.id } });
		await auditHidden(tx, { actorId: actor.id, targetType: 'club_post', targetId: p.id, subjectUserId: p.authorId, reason: why });
	});
}

export interface PostNode {
	id: string;
	authorName: string;
	bodyHtml: string;
	createdAt: Date;
	hidden: boolean;
	hiddenReason: string | null;
	depth: number;
}

/** A thread in reading order: each reply right after its parent (depth for indentation, capped). */
export async function discussionPage(id: string, viewer: { id: string; moderator: boolean } | null) {
	const d = await db().clubDiscussion.findUnique({ where: { id } });
	if (!d || (d.hiddenAt && !viewer?.moderator)) return null;
	const [posts, following] = await Promise.all([
		db().clubPost.findMany({ where: { discussionId: id }, orderBy: { createdAt: 'asc' } }),
		viewer ? db().clubFollow.findUnique({ where: { discussionId_userId: { discussionId: id, userId: viewer.id } } }) : null
	]);
	const children = new Map<string | null, typeof posts>();
	for (const p of posts) {
		const key = p.parentId && posts.some((q) => q.id === p.parentId) ? p.parentId : null;
		children.set(key, [...(children.get(key) ?? []), p]);
	}
	const out: PostNode[] = [];
	const walk = (parent: string | null, depth: number) => {
		for (const p of children.get(parent) ?? []) {
			const hidden = !!p.hiddenAt;
			out.push({ id: p.id, authorName: p.authorName, bodyHtml: hidden && !viewer?.moderator ? '' : p.bodyHtml, createdAt: p.createdAt, hidden, hiddenReason: p.hiddenReason, depth: Math.min(depth, 5) });
			walk(p.id, depth + 1);
		}
	};
	walk(null, 0);
	return { discussion: d, posts: out, following: !!following };
}
