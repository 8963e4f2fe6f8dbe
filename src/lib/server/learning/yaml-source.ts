import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { fieldPath, type Issue } from './issues.ts';

/**
 * A YAML text (a whole .yaml file, or the front matter of a Markdown lesson) kept with its node
 * ranges, so that every problem can be reported with the line of the field it concerns.
 */
export class YamlSource {
	readonly doc: Document.Parsed;
	private readonly lines = new LineCounter();
	readonly issues: Issue[] = [];

	/**
	 * @param file    path shown in issues (relative to the courses folder)
	 * @param text    the YAML
	 * @param lineOffset lines before the YAML in the file (front matter starts after `---`)
	 */
	constructor(
		readonly file: string,
		text: string,
		private readonly lineOffset = 0
	) {
		this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
		for (const err of this.doc.errors) {
			const line = err.linePos?.[0]?.line ?? (err.pos ? this.lines.linePos(err.pos[0]).line : 1);
			this.issues.push({
				file,
				line: line + lineOffset,
				code: 'yaml_syntax',
				params: { detail: err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') }
			});
		}
	}

	get ok(): boolean {
		return this.issues.length === 0;
	}

	data(): unknown {
		return this.doc.toJS();
	}

	/** Line of the deepest node along `path` that exists (the parent of a missing field). */
	lineOf(path: ReadonlyArray<PropertyKey>, keyLine = false): number {
		let node: unknown = this.doc.contents;
		let line = node && (node as Node).range ? this.posLine((node as Node).range![0]) : 1;
		for (const part of path) {
			if (isMap(node)) {
				const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
				if (!pair) break;
				const key = pair.key as Node;
				if (keyLine && part === path[path.length - 1] && key.range) return this.posLine(key.range[0]);
				node = pair.value;
				const n = node as Node | null;
				line = n?.range ? this.posLine(n.range[0]) : key.range ? this.posLine(key.range[0]) : line;
			} else if (isSeq(node) && typeof part === 'number') {
				const item = node.items[part] as Node | undefined;
				if (!item) break;
				node = item;
				if (item.range) line = this.posLine(item.range[0]);
			} else break;
		}
		return line;
	}

	private posLine(offset: number): number {
		return this.lines.linePos(offset).line + this.lineOffset;
	}

	/** Issues for `data` against `schema`; the parsed value when there are none. */
	check<T>(schema: z.ZodType<T>, data: unknown = this.data(), prefix: PropertyKey[] = []): { value: T | null; issues: Issue[] } {
		const result = schema.safeParse(data ?? {});
		if (result.success) return { value: result.data, issues: [] };
		const issues: Issue[] = [];
		for (const zi of result.error.issues) issues.push(...this.fromZod(zi, data, prefix));
		return { value: null, issues };
	}

	private fromZod(zi: z.core.$ZodIssue, data: unknown, prefix: PropertyKey[]): Issue[] {
		const path = [...prefix, ...zi.path];
		const local = zi.path;
		const field = fieldPath(path);
		const base = { file: this.file, line: this.lineOf(path), field: field || undefined };
		switch (zi.code) {
			case 'invalid_type':
				return [valueAt(data, local) === undefined ? { ...base, code: 'required' } : { ...base, code: 'type', params: { expected: zi.expected } }];
			case 'invalid_value':
				return [{ ...base, code: 'enum', params: { values: zi.values.map(String).join(', ') } }];
			case 'unrecognized_keys':
				return zi.keys.map((key) => ({
					file: this.file,
					line: this.lineOf([...path, key], true),
					field: fieldPath([...path, key]),
					code: 'unknown_field' as const
				}));
			case 'too_small':
				return [{ ...base, code: zi.inclusive === false ? 'greater_than' : 'too_small', params: { min: Number(zi.minimum) } }];
			case 'too_big':
				return [{ ...base, code: 'too_big', params: { max: Number(zi.maximum) } }];
			case 'invalid_format':
				return [{ ...base, code: 'format', params: { pattern: 'pattern' in zi ? String(zi.pattern) : zi.format } }];
			case 'invalid_union':
				if ('options' in zi && Array.isArray(zi.options)) {
					return [{ ...base, code: valueAt(data, local) === undefined ? 'required' : 'enum', params: { values: zi.options.map(String).join(', ') } }];
				}
				return [{ ...base, code: 'type', params: { expected: zi.message } }];
			case 'custom': {
				const params = (zi.params ?? {}) as { code?: Issue['code']; params?: Issue['params'] };
				return [{ ...base, code: params.code ?? 'type', params: params.params ?? { expected: '?' } }];
			}
			default:
				return [{ ...base, code: 'type', params: { expected: zi.message } }];
		}
	}
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
	let v: unknown = data;
	for (const p of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[p];
	}
	return v;
}

/** Splits a Markdown file into its front matter (between the first two `---` lines) and body. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
	const src = text.replace(/^\uFEFF/, '');
	const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
	if (!match) return null;
	const yaml = match[1]!;
	const bodyLine = match[0].split('\n').length; // line number (1-based) of the body's first line
	return { yaml, body: src.slice(match[0].length), bodyLine: bodyLine + (match[0].endsWith('\n') ? 0 : 1) };
}
