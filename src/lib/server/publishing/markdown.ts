import { renderMarkdown, plainText } from '../learning/markdown.ts';

/**
 * Article and editorial Markdown into sanitized HTML (the learning domain's sanitizer: a fixed list
 * of tags and attributes, http(s) links only, headings from level 2, images lazy with alt text).
 * Images are absolute http(s) URLs or portal paths (/…); anything else is dropped by the sanitizer.
 */
export function articleHtml(markdown: string): string {
	return renderMarkdown(markdown);
}

/** Plain text of Markdown (search, feeds' summaries, the PDF). */
export function articleText(markdown: string): string {
	return plainText(renderMarkdown(markdown));
}
