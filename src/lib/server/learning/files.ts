import fs from 'node:fs';
import path from 'node:path';
import { db } from '../db/index.ts';
import { coursesRoot } from './paths.ts';

/**
 * Images and attachments of a course: only what lies under its files/ folder is ever served
 * (course.yaml, lessons, quizzes and banks, which hold the answers, never are).
 */
export async function courseFile(slug: string, rel: string): Promise<string | null> {
	if (!rel || rel.includes('\0') || rel.includes('\\')) return null;
	const parts = rel.split('/');
	if (parts.some((p) => !p || p === '.' || p === '..' || p.startsWith('.'))) return null;
	const course = await db().course.findUnique({ where: { slug }, select: { sourcePath: true, archivedAt: true } });
	if (!course || course.archivedAt) return null;
	const root = path.resolve(coursesRoot(), course.sourcePath, 'files');
	const abs = path.resolve(root, ...parts);
	if (!abs.startsWith(root + path.sep)) return null;
	try {
		const real = fs.realpathSync(abs);
		if (!real.startsWith(fs.realpathSync(root) + path.sep) || !fs.statSync(real).isFile()) return null;
		return real;
	} catch {
		return null;
	}
}
