/**
 * A line diff of two revisions (longest common subsequence): what the editor sees in the revision
 * history. Texts of articles are a few hundred lines at most, so the O(n·m) table is cheap; above a
 * limit the diff falls back to "all removed, all added" rather than spending seconds.
 */
export interface DiffLine {
	op: 'same' | 'add' | 'del';
	text: string;
}

const MAX_CELLS = 4_000_000;

export function diffLines(before: string, after: string): DiffLine[] {
	const a = before.replace(/\r\n?/g, '\n').split('\n');
	const b = after.replace(/\r\n?/g, '\n').split('\n');
	if (before === after) return a.map((text) => ({ op: 'same', text }));
	// Common head and tail first: most edits touch a few lines.
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
	const am = a.slice(head, a.length - tail);
	const bm = b.slice(head, b.length - tail);
	const out: DiffLine[] = a.slice(0, head).map((text) => ({ op: 'same', text }));
	if ((am.length + 1) * (bm.length + 1) > MAX_CELLS) {
		out.push(...am.map((text) => ({ op: 'del' as const, text })), ...bm.map((text) => ({ op: 'add' as const, text })));
	} else {
		const n = am.length;
		const m = bm.length;
		// lcs[i][j]: length of the LCS of am[i..] and bm[j..].
		const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
		for (let i = n - 1; i >= 0; i--) {
			for (let j = m - 1; j >= 0; j--) {
				lcs[i]![j] = am[i] === bm[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
			}
		}
		let i = 0;
		let j = 0;
		while (i < n && j < m) {
			if (am[i] === bm[j]) {
				out.push({ op: 'same', text: am[i]! });
				i++;
				j++;
			} else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ op: 'del', text: am[i++]! });
			else out.push({ op: 'add', text: bm[j++]! });
		}
		while (i < n) out.push({ op: 'del', text: am[i++]! });
		while (j < m) out.push({ op: 'add', text: bm[j++]! });
	}
	out.push(...a.slice(a.length - tail).map((text) => ({ op: 'same' as const, text })));
	return out;
}

/** Counts of added and removed lines, for the history list. */
export function diffStats(lines: DiffLine[]): { added: number; removed: number } {
	let added = 0;
	let removed = 0;
	for (const l of lines) {
		if (l.op === 'add') added++;
		else if (l.op === 'del') removed++;
	}
	return { added, removed };
}
