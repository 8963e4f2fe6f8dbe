import type { Attachment, CaseInput, Figure } from './cases.ts';
import { maxAttachmentBytes, type UploadedFile } from './attachments.ts';

/** Lines of "a | b | c" into parts (figures and attachments are typed one a line). */
function lines(text: string): string[][] {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.map((l) => l.split('|').map((p) => p.trim()));
}

const list = (s: string) => [...new Set(s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean))].slice(0, 30);

/** The case form's fields as a CaseInput, plus the raw texts to put back in the form on an error. */
export function caseInputFromForm(data: FormData): { input: CaseInput; raw: Record<string, string> } {
	const text = (k: string) => String(data.get(k) ?? '');
	const raw: Record<string, string> = {};
	for (const k of ['title', 'lang', 'problem', 'solution', 'results', 'figures', 'costs', 'replicability', 'contacts', 'attachments', 'region', 'city', 'year', 'organizationName', 'actQuery', 'courseQuery', 'articleQuery']) raw[k] = text(k);
	// Related items come as one checkbox each (the pickers); a typed list of slugs is read the same way.
	for (const k of ['actSlugs', 'courseSlugs', 'articleSlugs']) raw[k] = data.getAll(k).map(String).join(', ');
	const figures: Figure[] = lines(raw.figures!).map(([label = '', value = '', unit = '']) => ({ label, value, unit }));
	const attachments: Attachment[] = lines(raw.attachments!).map((p) => (p.length === 1 ? { title: '', url: p[0]! } : { title: p[0]!, url: p[1]! }));
	return {
		raw,
		input: {
			title: raw.title!,
			lang: raw.lang === 'en' ? 'en' : 'uk',
			problem: raw.problem!,
			solution: raw.solution!,
			results: raw.results!,
			figures,
			costs: raw.costs!,
			replicability: raw.replicability!,
			contacts: raw.contacts!,
			attachments,
			tools: data.getAll('tools').map(String),
			classifierCodes: data.getAll('classifierCodes').map(String),
			region: raw.region!,
			city: raw.city!,
			year: Number(raw.year),
			organizationName: raw.organizationName!,
			actSlugs: list(raw.actSlugs!),
			courseSlugs: list(raw.courseSlugs!),
			articleSlugs: list(raw.articleSlugs!)
		}
	};
}

/** A stored case back as the form's texts. */
export function formFromInput(input: Omit<CaseInput, 'lang'> & { lang: string }): { raw: Record<string, string>; tools: string[]; classifierCodes: string[] } {
	return {
		raw: {
			title: input.title,
			lang: input.lang,
			problem: input.problem,
			solution: input.solution,
			results: input.results,
			figures: input.figures.map((f) => [f.label, f.value, f.unit].filter((x, i) => i < 2 || x).join(' | ')).join('\n'),
			costs: input.costs,
			replicability: input.replicability,
			contacts: input.contacts,
			attachments: input.attachments.map((a) => (a.title ? `${a.title} | ${a.url}` : a.url)).join('\n'),
			region: input.region,
			city: input.city,
			year: String(input.year),
			organizationName: input.organizationName,
			actSlugs: input.actSlugs.join(', '),
			courseSlugs: input.courseSlugs.join(', '),
			articleSlugs: input.articleSlugs.join(', ')
		},
		tools: input.tools,
		classifierCodes: input.classifierCodes
	};
}

/** The form's new files (the `files` input) and the stored files ticked for removal. */
export async function filesFromForm(data: FormData): Promise<{ add: UploadedFile[]; remove: string[] }> {
	const max = maxAttachmentBytes();
	const add: UploadedFile[] = [];
	for (const f of data.getAll('files')) {
		// An empty file input still sends one nameless, empty part.
		if (!(f instanceof File) || (f.size === 0 && !f.name)) continue;
		// A file over the limit is refused by its size: its bytes are not read.
		add.push({ name: f.name, size: f.size, bytes: f.size > max ? new Uint8Array() : new Uint8Array(await f.arrayBuffer()) });
	}
	return { add, remove: data.getAll('removeFiles').map(String).slice(0, 50) };
}
