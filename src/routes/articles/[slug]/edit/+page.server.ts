import { error, fail } from '@sveltejs/kit';
import { fromKyivInputValue } from '$lib/i18n/datetime';
import { requireUser } from '$lib/server/auth/permissions';
import {
	ARTICLE_KINDS,
	ARTICLE_TOPICS,
	articleFormValues,
	articleInput,
	availableSteps,
	canEditArticle,
	explainPublishingError,
	formString,
	getArticleBySlug,
	listRevisions,
	moveArticle,
	MAX_IMAGE_BYTES,
	PublishingError,
	saveImage,
	revisionDiff,
	toLocale,
	updateArticle,
	type WorkflowStep
} from '$lib/server/publishing';
import { can } from '$lib/server/auth/permissions';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

async function editable(slug: string, locals: App.Locals) {
	const user = requireUser(locals);
	const a = await getArticleBySlug(slug);
	const locale = toLocale(locals.locale);
	if (!a) error(404, { message: m.pub_error_not_found({}, { locale }) });
	// Editors see every article; a contributor only their own (editing it only while a draft).
	if (!canEditArticle(user, a) && !can(user, 'article:publish') && a.createdById !== user.id) error(403, { message: m.pub_error_forbidden({}, { locale }) });
	return { user, a, locale };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user, a } = await editable(params.slug, locals);
	const revisions = await listRevisions(a.id);
	const from = Number(url.searchParams.get('from'));
	const to = Number(url.searchParams.get('to'));
	const diff = from && to ? await revisionDiff(a.id, from, to) : null;
	return {
		article: { id: a.id, slug: a.slug, status: a.status, titleUk: a.titleUk, reviewNote: a.reviewNote, scheduledAt: a.scheduledAt, published: !!a.publishedAt },
		values: {
			slug: a.slug,
			kind: a.kind,
			titleUk: a.titleUk,
			titleEn: a.titleEn ?? '',
			summaryUk: a.summaryUk,
			summaryEn: a.summaryEn ?? '',
			bodyUk: a.bodyUk,
			bodyEn: a.bodyEn ?? '',
			authors: a.authors.join(', '),
			topics: a.topics,
			note: ''
		},
		canEdit: canEditArticle(user, a),
		steps: availableSteps(user, a),
		kinds: [...ARTICLE_KINDS],
		topics: [...ARTICLE_TOPICS],
		revisions: revisions.map((r) => ({ number: r.number, event: r.event, status: r.status, note: r.note, createdAt: r.createdAt })),
		diff: diff && {
			from: diff.from.number,
			to: diff.to.number,
			fields: diff.fields.map((f) => ({ field: f.field, lines: f.lines, added: f.added, removed: f.removed }))
		}
	};
};

export const actions: Actions = {
	save: async ({ params, locals, request }) => {
		const { user, a, locale } = await editable(params.slug, locals);
		const values = articleFormValues(await request.formData());
		try {
			await updateArticle(user, a.id, articleInput(values), values.note);
		} catch (err) {
			return fail(400, { values, error: explainPublishingError(err, locale) });
		}
		return { saved: true };
	},
	image: async ({ params, locals, request }) => {
		const { user, locale } = await editable(params.slug, locals);
		const f = await request.formData();
		const file = f.get('image');
		if (!(file instanceof File) || file.size === 0 || file.size > MAX_IMAGE_BYTES) return fail(400, { imageError: explainPublishingError(new PublishingError('invalid'), locale) });
		try {
			const saved = await saveImage(user, new Uint8Array(await file.arrayBuffer()), formString(f, 'alt'));
			return { imageMarkdown: saved.markdown };
		} catch (err) {
			return fail(400, { imageError: explainPublishingError(err, locale) });
		}
	},
	move: async ({ params, locals, request }) => {
		const { user, a, locale } = await editable(params.slug, locals);
		const f = await request.formData();
		const step = formString(f, 'step') as WorkflowStep;
		try {
			const moved = await moveArticle(user, a.id, step, { scheduledAt: fromKyivInputValue(formString(f, 'scheduledAt')), note: formString(f, 'reviewNote') });
			return { moved: moved.status };
		} catch (err) {
			return fail(403, { moveError: explainPublishingError(err, locale) });
		}
	}
};
