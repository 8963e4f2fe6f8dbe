/**
 * What the person's own page (/certification) shows: their programmes with statuses, the
 * requirements with the course and exam names and links, and the recent history.
 */
import { db } from '../db/index.ts';
import { personStatuses, historyOf } from './status.ts';
import type { CertificationStatus, RequirementCheck } from './engine.ts';

export interface RequirementView {
	kind: RequirementCheck['kind'];
	met: boolean;
	titleUk: string;
	titleEn: string;
	/** Course slug for a link (courses and exams). */
	courseSlug: string | null;
	passMark?: number;
	best?: number | null;
	needed?: number;
	have?: number;
}

export interface ProgrammeView {
	programmeId: string;
	slug: string;
	titleUk: string;
	titleEn: string;
	status: CertificationStatus;
	version: number | null;
	dueAt: string | null;
	expiresAt: string | null;
	windowOpensAt: string | null;
	certifiedAt: string | null;
	certificationId: string | null;
	/** The programme certificate's serial (/verify/<serial>), once issued. */
	certificateSerial: string | null;
	progress: number;
	path: 'initial' | 'recert';
	requirements: RequirementView[];
	history: Array<{ kind: string; status: string | null; reason: string; at: string }>;
}

/** Names of courses and quizzes by id (read from the learning tables). */
export async function learningNames(courseIds: string[], quizIds: string[]) {
	const [courses, quizzes] = await Promise.all([
		courseIds.length ? db().course.findMany({ where: { id: { in: courseIds } }, select: { id: true, slug: true, titleUk: true, titleEn: true } }) : [],
		quizIds.length ? db().quiz.findMany({ where: { id: { in: quizIds } }, select: { id: true, titleUk: true, titleEn: true, course: { select: { slug: true } } } }) : []
	]);
	return { courses: new Map(courses.map((c) => [c.id, c])), quizzes: new Map(quizzes.map((q) => [q.id, q])) };
}

export async function myCertification(userId: string, now = new Date()): Promise<ProgrammeView[]> {
	const statuses = await personStatuses(userId, now);
	const courseIds = new Set<string>();
	const quizIds = new Set<string>();
	for (const s of statuses)
		for (const r of s.requirements) {
			if (r.kind === 'course') courseIds.add(r.courseId);
			if (r.kind === 'exam') quizIds.add(r.quizId);
		}
	const names = await learningNames([...courseIds], [...quizIds]);
	const history = await historyOf(userId);
	const certIds = statuses.map((s) => s.current?.id).filter((x): x is string => !!x);
	const serials = new Map(
		(certIds.length ? await db().certification.findMany({ where: { id: { in: certIds }, certificateId: { not: null } }, select: { id: true, certificateId: true } }) : []).map((c) => [c.id, c.certificateId])
	);
	const certRows = serials.size ? await db().certificate.findMany({ where: { id: { in: [...serials.values()].filter((x): x is string => !!x) } }, select: { id: true, serial: true } }) : [];
	const serialOf = (certificationId: string | undefined) => certRows.find((r) => r.id === serials.get(certificationId ?? ''))?.serial ?? null;
	return statuses.map((s) => ({
		programmeId: s.programme.id,
		slug: s.programme.slug,
		titleUk: s.programme.titleUk,
		titleEn: s.programme.titleEn,
		status: s.status,
		version: s.version,
		dueAt: s.dueAt?.toISOString() ?? null,
		expiresAt: s.expiresAt?.toISOString() ?? null,
		windowOpensAt: s.windowOpensAt?.toISOString() ?? null,
		certifiedAt: s.current?.certifiedAt.toISOString() ?? null,
		certificationId: s.current?.id ?? null,
		certificateSerial: serialOf(s.current?.id),
		progress: s.progress,
		path: s.path,
		requirements: s.requirements.map((r): RequirementView => {
			if (r.kind === 'course') {
				const c = names.courses.get(r.courseId);
				return { kind: r.kind, met: r.met, titleUk: c?.titleUk ?? r.courseId, titleEn: c?.titleEn ?? r.courseId, courseSlug: c?.slug ?? null };
			}
			if (r.kind === 'exam') {
				const q = names.quizzes.get(r.quizId);
				return { kind: r.kind, met: r.met, titleUk: q?.titleUk ?? r.quizId, titleEn: q?.titleEn ?? r.quizId, courseSlug: q?.course.slug ?? null, passMark: r.passMark, best: r.best };
			}
			return { kind: r.kind, met: r.met, titleUk: '', titleEn: '', courseSlug: null, needed: r.needed, have: r.have };
		}),
		history: history
			.filter((h) => h.programmeId === s.programme.id)
			.slice(0, 10)
			.map((h) => ({ kind: h.kind, status: h.status, reason: h.reason, at: h.at.toISOString() }))
	}));
}
