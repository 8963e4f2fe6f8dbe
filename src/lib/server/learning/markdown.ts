import fs from 'node:fs';
import path from 'node:path';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { Issue } from './issues.ts';

/**
 * Markdown of lessons, prompts and descriptions into sanitized HTML, at import time (the page then
 * shows stored HTML). Relative links and images point into the course folder: they are checked to
 * exist and to stay inside it, and rewritten to /courses/<slug>/media/<path under files/>.
 */

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: [
		'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'kbd', 'samp',
		'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup',
		'mark', 'small', 'abbr', 'cite', 'q', 'a', 'img', 'figure', 'figcaption',
		'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'details', 'summary'
	],
	allowedAttributes: {
		a: ['href', 'title', 'hreflang', 'rel'],
		img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
		th: ['align', 'colspan', 'rowspan', 'scope'],
		td: ['align', 'colspan', 'rowspan'],
		ol: ['start'],
		abbr: ['title'],
		code: ['class']
	},
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowedSchemesAppliedToAttributes: ['href', 'src'],
	allowProtocolRelative: false,
	// The page's own <h1> is the lesson title: headings in the text start at level 2.
	transformTags: {
		h1: 'h2',
		img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', alt: attribs.alt ?? '' } }),
		a: (tagName, attribs) =>
			/^https?:\/\//.test(attribs.href ?? '') ? { tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } } : { tagName, attribs }
	},
	allowedClasses: { code: [/^language-[a-z0-9-]+$/] }
};

export interface LinkContext {
	/** Absolute folder of the course. */
	courseDir: string;
	/** Absolute folder of the Markdown file (relative links start here). */
	baseDir: string;
	courseSlug: string;
	/** For issues: the file (relative to the courses folder), the text it was in and its first line. */
	file: string;
	source: string;
	firstLine: number;
	field?: string;
	issues: Issue[];
	/** Course-relative paths of the files the text links to (checked to exist). */
	linked?: Set<string>;
}

function lineIn(source: string, raw: string, firstLine: number): number {
	const at = source.indexOf(raw);
	return at < 0 ? firstLine : firstLine + source.slice(0, at).split('\n').length - 1;
}

/** The portal address of a relative link, or null when it is not a relative file link. */
function rewrite(href: string, raw: string, ctx: LinkContext): string {
	if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('#') || href.startsWith('?')) return href;
	const [pathPart, hash = ''] = href.split('#', 2) as [string, string?];
	let decoded: string;
	try {
		decoded = decodeURI(pathPart);
	} catch {
		decoded = pathPart;
	}
	const abs = path.resolve(ctx.baseDir, decoded);
	const rel = path.relative(ctx.courseDir, abs);
	const issueBase = { file: ctx.file, line: lineIn(ctx.source, raw, ctx.firstLine), field: ctx.field };
	if (rel.startsWith('..') || path.isAbsolute(rel)) {
		ctx.issues.push({ ...issueBase, code: 'link_outside', params: { target: href } });
		return href;
	}
	const posix = rel.split(path.sep).join('/');
	if (!posix.startsWith('files/')) {
		ctx.issues.push({ ...issueBase, code: 'link_outside', params: { target: href } });
		return href;
	}
	if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
		ctx.issues.push({ ...issueBase, code: 'link_missing', params: { target: href } });
		return href;
	}
	ctx.linked?.add(posix);
	// Served by /courses/<slug>/media/… (not …/files/…: in development Vite would answer a path that
	// matches the repository's own courses/ folder itself).
	const inFiles = posix.slice('files/'.length);
	return `/courses/${ctx.courseSlug}/media/${inFiles.split('/').map(encodeURIComponent).join('/')}${hash ? `#${hash}` : ''}`;
}

export function renderMarkdown(markdown: string, ctx?: LinkContext): string {
	const marked = new Marked({ gfm: true, async: false });
	if (ctx) {
		marked.use({
			walkTokens(token) {
				if (token.type === 'link' || token.type === 'image') {
					const t = token as Tokens.Link | Tokens.Image;
					t.href = rewrite(t.href, t.raw, ctx);
				}
			}
		});
	}
	const html = marked.parse(markdown) as string;
	return sanitizeHtml(html, SANITIZE).trim();
}

/** Inline Markdown (a prompt, an option): no block wrapper. */
export function renderInline(markdown: string): string {
	const marked = new Marked({ gfm: true, async: false });
	return sanitizeHtml(marked.parseInline(markdown) as string, SANITIZE).trim();
}

/** Plain text of HTML (search text, titles of options in the review). */
export function plainText(html: string): string {
	return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
