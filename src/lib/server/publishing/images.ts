/**
 * Images for articles and editorials: uploaded by those who write (article:write), kept under
 * DATA_DIR/publishing/images named by their SHA-256 (the same picture twice is one file), served at
 * /articles/images/<name>. Only PNG, JPEG, GIF and WebP, recognised by their first bytes (never SVG,
 * which can carry scripts), at most 5 MB. Several app instances need DATA_DIR on a shared volume.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { config } from '../config/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { PublishingError } from './errors.ts';
import type { Actor } from './articles.ts';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };
const NAME = /^[0-9a-f]{64}\.(png|jpg|gif|webp)$/;

export function imageKind(b: Uint8Array): keyof typeof TYPES | null {
	const at = (i: number, bytes: number[]) => bytes.every((x, j) => b[i + j] === x);
	if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (at(0, [0xff, 0xd8, 0xff])) return 'jpg';
	if (at(0, [0x47, 0x49, 0x46, 0x38])) return 'gif';
	if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'webp';
	return null;
}

function folder(): string {
	return path.resolve(config().DATA_DIR, 'publishing', 'images');
}

/** Stores an uploaded image; returns its portal path and a Markdown snippet with the given description. */
export async function saveImage(actor: Actor, bytes: Uint8Array, alt: string): Promise<{ path: string; markdown: string }> {
	if (!can(actor as SessionUser, 'article:write')) throw new PublishingError('forbidden');
	if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) throw new PublishingError('invalid', 'size');
	const kind = imageKind(bytes);
	if (!kind) throw new PublishingError('invalid', 'type');
	const name = `${createHash('sha256').update(bytes).digest('hex')}.${kind}`;
	await fs.mkdir(folder(), { recursive: true });
	const file = path.join(folder(), name);
	// Written under a temporary name first: a reader never sees half a file.
	const tmp = `${file}.${process.pid}.tmp`;
	await fs.writeFile(tmp, bytes);
	await fs.rename(tmp, file);
	const description = alt.replace(/[[\]\r\n]/g, ' ').trim();
	const url = `/articles/images/${name}`;
	return { path: url, markdown: `![${description}](${url})` };
}

export async function readImage(name: string): Promise<{ bytes: Buffer; type: string } | null> {
	const m = NAME.exec(name);
	if (!m) return null;
	try {
		return { bytes: await fs.readFile(path.join(folder(), name)), type: TYPES[m[1]!]! };
	} catch {
		return null;
	}
}
