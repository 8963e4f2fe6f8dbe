import type { ActUnit } from './parse.ts';

/**
 * The difference between two redactions of an act, unit by unit (matched by their stable anchors),
 * and word by word inside a changed unit.
 */
export type DiffOp = 'eq' | 'ins' | 'del';
export interface WordDiff {
	op: DiffOp;
	text: string;
}
export interface UnitDiff {
	anchor: string;
	kind: ActUnit['kind'];
	label: string;
	status: 'added' | 'removed' | 'changed';
	words: WordDiff[];
}

/** Word-level diff (longest common subsequence); long texts fall back to replace-all. */
export function diffWords(a: string, b: string): WordDiff[] {
	const x = a.split(/(\s+)/).filter(Boolean);
	const y = b.split(/(\s+)/).filter(Boolean);
	if (x.length * y.length > 4_000_000) {
		return [
			{ op: 'del', text: a },
			{ op: 'ins', text: b }
		];
	}
	const n = x.length;
	const m = y.length;
	const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
	}
	const out: WordDiff[] = [];
	const push = (op: DiffOp, text: string) => {
		const last = out[out.length - 1];
		if (last && last.op === op) last.text += text;
		else out.push({ op, text });
	};
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (x[i] === y[j]) {
			push('eq', x[i]!);
			i++;
			j++;
		} else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) push('del', x[i++]!);
		else push('ins', y[j++]!);
	}
	while (i < n) push('del', x[i++]!);
	while (j < m) push('ins', y[j++]!);
	return out;
}

export function unitLabel(u: Pick<ActUnit, 'kind' | 'num' | 'heading' | 'text'>): string {
	const head = u.text.split('\n')[0] ?? '';
	return head.length > 90 ? head.slice(0, 87) + '…' : head;
}

export function diffUnits(older: ActUnit[], newer: ActUnit[]): UnitDiff[] {
	const before = new Map(older.filter((u) => u.kind !== 'marker').map((u) => [u.anchor, u]));
	const after = new Map(newer.filter((u) => u.kind !== 'marker').map((u) => [u.anchor, u]));
	const out: UnitDiff[] = [];
	// In the newer order, with removed units placed after the unit that preceded them in the older text.
	const removedAfter = new Map<string | null, ActUnit[]>();
	let prev: string | null = null;
	for (const u of older) {
		if (u.kind === 'marker') continue;
		if (!after.has(u.anchor)) removedAfter.set(prev, [...(removedAfter.get(prev) ?? []), u]);
		else prev = u.anchor;
	}
	const emitRemoved = (key: string | null) => {
		for (const r of removedAfter.get(key) ?? []) out.push({ anchor: r.anchor, kind: r.kind, label: unitLabel(r), status: 'removed', words: [{ op: 'del', text: r.text }] });
	};
	emitRemoved(null);
	for (const u of newer) {
		if (u.kind === 'marker') continue;
		const old = before.get(u.anchor);
		if (!old) out.push({ anchor: u.anchor, kind: u.kind, label: unitLabel(u), status: 'added', words: [{ op: 'ins', text: u.text }] });
		else if (old.text !== u.text) out.push({ anchor: u.anchor, kind: u.kind, label: unitLabel(u), status: 'changed', words: diffWords(old.text, u.text) });
		emitRemoved(u.anchor);
	}
	return out;
}
