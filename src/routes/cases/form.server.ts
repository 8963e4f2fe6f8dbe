/**
 * What the new-case and edit pages share: the form's choices, reading a posted form (fields, files,
 * related items), the translated file errors, and the pickers' state (chosen items with titles, and
 * the results of a search sent without JavaScript).
 */
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import {
	ACCEPT,
	CLASSIFIER,
	MAX_ATTACHMENTS,
	RELATED_KINDS,
	TOOLS,
	caseInputFromForm,
	filesFromForm,
	findRelated,
	maxAttachmentBytes,
	regionOptions,
	relatedBySlugs,
	type CaseInput,
	type FileIssue,
	type RelatedItem,
	type RelatedKind
} from '$lib/server/cases';

export function formOptions(l: string) {
	return {
		regions: regionOptions(l),
		toolOptions: TOOLS.map((t) => ({ value: t.code, label: l === 'en' ? t.en : t.uk })),
		classifierOptions: CLASSIFIER.map((c) => ({ value: c.code, label: `${c.code} ${l === 'en' ? c.en : c.uk}` })),
		accept: ACCEPT,
		maxBytes: maxAttachmentBytes(),
		maxFiles: MAX_ATTACHMENTS
	};
}

export const maxMb = () => String(Math.round((maxAttachmentBytes() / 1024 / 1024) * 10) / 10);

export function fileIssueMessages(issues: FileIssue[]): string[] {
	return issues.map((i) => {
		const name = i.name || '—';
		if (i.problem === 'too_large') return m.cases_file_too_large({ name, max: maxMb() });
		if (i.problem === 'too_many') return m.cases_file_too_many({ max: String(MAX_ATTACHMENTS) });
		if (i.problem === 'empty') return m.cases_file_empty({ name });
		return m.cases_file_type({ name });
	});
}

export interface PickerState {
	kind: RelatedKind;
	selected: RelatedItem[];
	results: RelatedItem[];
	query: string;
}

const SLUG_FIELD = { act: 'actSlugs', course: 'courseSlugs', article: 'articleSlugs' } as const;
const QUERY_FIELD = { act: 'actQuery', course: 'courseQuery', article: 'articleQuery' } as const;

/** The three pickers: chosen items (with titles) and, when a search was sent, its results. */
export async function pickers(input: Pick<CaseInput, 'actSlugs' | 'courseSlugs' | 'articleSlugs'>, raw: Record<string, string>, locale: string, search: boolean): Promise<PickerState[]> {
	return Promise.all(
		RELATED_KINDS.map(async (kind) => {
			const selected = await relatedBySlugs(kind, input[SLUG_FIELD[kind]], locale);
			const query = raw[QUERY_FIELD[kind]] ?? '';
			const chosen = new Set(selected.map((s) => s.slug));
			const results = search && query.trim() ? (await findRelated(kind, query, locale)).filter((r) => !chosen.has(r.slug)) : [];
			return { kind, selected, results, query };
		})
	);
}

/**
 * Reads the posted case form. A body over adapter-node's BODY_SIZE_LIMIT cannot be read at all: the
 * answer is then the size error alone (with JavaScript the page refuses such a file before sending).
 */
export async function readCaseForm(request: Request) {
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		return { tooLarge: fail(413, { raw: {} as Record<string, string>, tools: [] as string[], classifierCodes: [] as string[], errors: {} as Record<string, string>, fileErrors: [m.cases_form_too_large({ max: maxMb() })], pickers: null as PickerState[] | null }) };
	}
	const { input, raw } = caseInputFromForm(data);
	return { input, raw, files: await filesFromForm(data) };
}
