/**
 * Plain text for the index from what domains store: sanitized HTML (course descriptions, lessons) and
 * bilingual pairs. Bilingual documents carry both titles (title, titleEn) and both languages' texts
 * in the body, so either language finds them.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', laquo: '«', raquo: '»', mdash: '—', ndash: '–', rsquo: '’' };

/** Text of sanitized HTML: tags dropped (block ends become line breaks), entities decoded. */
export function htmlToText(html: string): string {
	return html
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<\/(p|div|li|h[1-6]|tr|blockquote|pre)>|<br\s*\/?>/gi, '\n')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
			if (e[0] === '#') {
				const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
				return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
			}
			return ENTITIES[e.toLowerCase()] ?? all;
		})
		.replace(/[ \t\f\v\u00a0]+/g, ' ')
		.replace(/ *\n[\s]*/g, '\n')
		.trim();
}

/** Non-empty, distinct parts joined by blank lines (a body of paragraphs). */
export function paragraphs(parts: Array<string | null | undefined>): string {
	return [...new Set(parts.map((p) => (p ?? '').trim()).filter(Boolean))].join('\n\n');
}

/** The date of a UTC instant in Kyiv as a calendar date (midnight UTC), for the index's date column. */
export function kyivCalendarDate(instant: Date): Date {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
	return new Date(`${parts}T00:00:00Z`);
}
