/**
 * The instructor view of a course (issue 3): enrolments, progress, quiz item statistics and their
 * CSV export. Reads the learning domain's tables; changes nothing. Permissions: course:instruct
 * (the course's instructors named by `account` in course.yaml, and admins: every learner) and
 * course:report (a manager: only the people of their organizations).
 */
export { courseBySlug, courseInstructorIds, courseLearners, coursesTaught, instructorScope, quizItemStats, scopeOrganizationNames, type CourseRef, type LearnerRow, type QuestionStat, type Scope } from './reports.ts';
export { csvCell, toCsv, type Cell } from './csv.ts';
export { answerLabel, learnersCsv, questionsCsv, statusLabel } from './export.ts';
