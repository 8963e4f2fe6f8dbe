/**
 * Learning: courses kept as files in courses/ and imported (stable ids, archived never deleted),
 * the catalog, enrolment (open, by request with approval, by assignment), lessons with completion
 * rules, quizzes graded on the server, H5P activities played by the portal's own h5p-standalone
 * and scored through the portal's LRS, and course completion (Enrollment + CourseCompletion, which
 * certificates build on). Who may do what: ../auth/permissions.ts (course:*, h5p:upload).
 */
import { db } from '../db/index.ts';

export * from './errors.ts';
export * from './issues.ts';
export { checkCourse, checkCoursesFolder, courseFolders, folderHash, LIBRARIES_FOLDER, type CourseCheck, type FolderCheck, type ParsedCourse } from './course-files.ts';
export { importCourses, importCoursesIfChanged, ensureCoursesImported, type ImportResult, type CourseReport } from './import.ts';
export { filtersFromUrl, listCourses, getCourse, getLesson, relatedEvents, PAGE_SIZE, type CatalogFilters, type CourseCard, type CourseDetail, type Instructor, type Competency } from './catalog.ts';
export { enrol, requestEnrolment, decideRequest, assignCourse, withdraw, getEnrollment, pendingRequests, assignableMembers } from './enrolment.ts';
export { recordLessonView, refreshH5PLesson, evaluateCourseCompletion, courseProgress, learningEnrollment } from './progress.ts';
export { startAttempt, submitAttempt, getAttempt, listAttempts, quizStatus, GRACE_SECONDS, type QuestionView, type ReviewItem } from './quiz.ts';
export { gradeQuestion, normalizeText, type Answer, type Grade } from './grading.ts';
export { myLearning } from './dashboard.ts';
export { h5pActivityIri, playerXapiConfig, h5pResult } from './lrs.ts';
export { h5pContentFile, playerFile, getH5PContent, uploadH5P, listUploads, mimeOf, H5P_PLAYER_VERSION } from './h5p/content.ts';
export { courseFile } from './files.ts';
export { explainLearningError } from './messages.ts';
export { requestSchema, assignSchema } from './forms.ts';
export { coursesRoot } from './paths.ts';
export { AUDIENCES, LEVELS, FORMATS, LANGUAGES, TOPICS, ENROLMENT_MODES } from './format.ts';

/** Everything the learning domain keeps about a person (for the profile's data export). */
export async function learnerDataForExport(userId: string) {
	const [enrollments, progress, attempts, completions] = await Promise.all([
		db().enrollment.findMany({ where: { userId } }),
		db().lessonProgress.findMany({ where: { userId } }),
		db().quizAttempt.findMany({ where: { userId }, select: { id: true, quizId: true, number: true, status: true, startedAt: true, submittedAt: true, score: true, maxScore: true, percent: true, passed: true, answers: true } }),
		db().courseCompletion.findMany({ where: { userId } })
	]);
	return { enrollments, lessonProgress: progress, quizAttempts: attempts, courseCompletions: completions };
}

/** Removes a person's learning rows when their account is deleted (the identity domain calls it). */
export async function deleteLearnerData(userId: string): Promise<void> {
	await db().$transaction(async (tx) => {
		await tx.quizAttempt.deleteMany({ where: { userId } });
		await tx.lessonProgress.deleteMany({ where: { userId } });
		await tx.courseCompletion.deleteMany({ where: { userId } });
		await tx.enrollment.deleteMany({ where: { userId } });
	});
}
