/** Shapes the library pages receive from src/lib/server/library (plain data, rendered by the components). */
export type Token =
	| { t: 'text'; v: string }
	| { t: 'br' }
	| { t: 'link'; text: string; href: string; external?: boolean }
	| { t: 'anchor'; id: string };

export interface Unit {
	anchor: string;
	eid: string | null;
	kind: string;
	num: string | null;
	level: number;
	depth: number;
	tokens: Token[];
	rows?: Token[][][];
}
