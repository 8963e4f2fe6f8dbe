import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import { casePage, checkCase, classifierMatches, classifierTree, listCases, reviewCase, saveDraft, submitCase, type CaseInput } from './index.ts';
import { caseInputFromForm } from './forms.ts';
import { caseInput } from './testing.ts';

const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

function person(name: string, patch: Partial<SessionUser> = {}): SessionUser {
	return { id: `${name}-${run}`, email: `${name}-${run}@test.maisternia.ua`, name, locale: 'uk', roles: ['learner'], emailVerified: true, memberships: [{ organizationId: 'org-vin', organizationSlug: 'vinnytsia', departmentId: null, role: 'staff', position: null }], ...patch };
}

const input = (patch: Partial<CaseInput> = {}) =>
	caseInput({ title: `Електронна черга ${run}`, figures: [{ label: 'Час очікування', value: '15', unit: 'хв' }], costs: '120 тис. грн', ...patch });

describe('classifier', () => {
	it('builds the tree and matches a branch with its children', () => {
		const tree = classifierTree('en');
		expect(tree.map((n) => n.code)).toEqual(['1', '2', '3', '4', '5']);
		expect(tree[1]!.children.map((n) => n.code)).toContain('2.3');
		expect(classifierMatches('2', ['2.3'])).toBe(true);
		expect(classifierMatches('2.3', ['2'])).toBe(false);
	});
});

describe('checks and the form', () => {
	it('a draft needs little, a submission the whole structure', () => {
		const draft = input({ problem: '', solution: '', tools: [], classifierCodes: [] });
		expect(checkCase(draft, false)).toEqual({});
		expect(Object.keys(checkCase(draft, true)).sort()).toEqual(['classifierCodes', 'problem', 'solution', 'tools']);
		expect(checkCase(input({ region: 'XX', tools: ['teleport'], attachments: [{ title: 'x', url: 'javascript:alert(1)' }] }), false)).toEqual({ region: 'required', tools: 'invalid', attachments: 'invalid' });
	});

	it('never gives a case the address of a page of the section', async () => {
		const r = await saveDraft(person('reserved'), input({ title: 'Related' }));
		expect((r as { slug: string }).slug).toMatch(/^related-\d+$/);
	});

	it('reads figures and attachments one a line', () => {
		const fd = new FormData();
		fd.set('title', 'Т');
		fd.set('figures', 'Звернень | 1200 | шт.\nМіст | 25');
		fd.set('attachments', 'Звіт | https://example.org/r.pdf\nhttps://example.org/x');
		fd.set('year', '2020');
		fd.append('tools', 'edms');
		fd.set('actSlugs', '2657-12, 2657-12 1932-12');
		const { input: i } = caseInputFromForm(fd);
		expect(i.figures).toEqual([{ label: 'Звернень', value: '1200', unit: 'шт.' }, { label: 'Міст', value: '25', unit: '' }]);
		expect(i.attachments).toEqual([{ title: 'Звіт', url: 'https://example.org/r.pdf' }, { title: '', url: 'https://example.org/x' }]);
		expect(i.actSlugs).toEqual(['2657-12', '1932-12']);
		expect(i.tools).toEqual(['edms']);
	});
});

describe('workflow: draft, submit, review, publish', () => {
	it('goes from a draft to a published case found by the filters; drafts stay private', async () => {
		const author = person('author');
		const editor = person('editor', { roles: ['editor'], memberships: [] });
		const stranger = person('stranger', { memberships: [] });
		const saved = await saveDraft(author, input({ replicability: '' }));
		expect(saved.ok).toBe(true);
		const slug = (saved as { slug: string }).slug;
		expect(await casePage(slug, stranger, 'uk')).toBeNull();
		expect((await casePage(slug, author, 'uk'))!.maySubmit).toBe(true);
		await expect(saveDraft(stranger, input(), slug)).rejects.toMatchObject({ code: 'forbidden' });

		expect(await submitCase(slug, author)).toEqual({ ok: false, errors: { replicability: 'required' } });
		await saveDraft(author, input(), slug);
		expect(await submitCase(slug, author)).toEqual({ ok: true });
		await expect(reviewCase(slug, author, 'published', '')).rejects.toMatchObject({ code: 'forbidden' });
		await reviewCase(slug, editor, 'changes_requested', 'Додайте цифри');
		expect((await db().practiceCase.findUnique({ where: { slug } }))!.status).toBe('changes_requested');
		expect((await casePage(slug, author, 'uk'))!.comments.map((c) => c.body)).toEqual(['Додайте цифри']);
		await submitCase(slug, author);
		await reviewCase(slug, editor, 'published', '');

		const page = await casePage(slug, stranger, 'uk');
		expect(page!.case.status).toBe('published');
		expect(page!.comments).toEqual([]);
		expect(page!.mayEdit).toBe(false);
		const found = await listCases({ q: run, classifier: '2', region: 'UA-05', tool: 'e-queue', year: 2024 }, 'uk');
		expect(found.cases.map((c) => c.slug)).toEqual([slug]);
		expect((await listCases({ q: run, tool: 'edms' }, 'uk')).total).toBe(0);
		expect((await listCases({ q: run, classifier: '3' }, 'uk')).total).toBe(0);
	});
});

describe('personal data', () => {
	it('exports a person’s cases and erases drafts, keeping published ones under a pseudonym', async () => {
		await import('./personal-data.ts');
		const { personalDataProviders } = await import('../identity/personal-data.ts');
		const provider = personalDataProviders().find((p) => p.key === 'cases')!;
		const author = person('leaving');
		const draft = await saveDraft(author, input({ title: `Чернетка ${run}` }));
		const published = await saveDraft(author, input({ title: `Опубліковано ${run}` }));
		await db().practiceCase.update({ where: { slug: (published as { slug: string }).slug }, data: { status: 'published' } });
		const exported = (await provider.export(author.id)) as { cases: Array<{ title: string }> };
		expect(exported.cases.map((c) => c.title).sort()).toEqual([`Опубліковано ${run}`, `Чернетка ${run}`]);
		await db().$transaction((tx) => provider.erase(tx, { id: author.id, email: author.email }));
		expect(await db().practiceCase.findUnique({ where: { slug: (draft as { slug: string }).slug } })).toBeNull();
		const kept = await db().practiceCase.findUnique({ where: { slug: (published as { slug: string }).slug } });
		expect(kept!.authorId).toMatch(/^erased-/);
	});
});
