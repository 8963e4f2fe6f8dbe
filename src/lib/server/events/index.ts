/**
 * Events: webinars, one-day internships and study visits for delegations of other cities, workshops
 * and club meetings. Registration with capacity and a waitlist (held under a row lock), group
 * registration, extra questions; iCalendar invitations (iTIP REQUEST/CANCEL, stable UID, SEQUENCE) by
 * mail, feeds and "add to calendar"; reminders 24 h and 1 h before (a job, never twice); attendance by
 * the host or by a code, its export, credits; recordings ("offline webinars"); feedback. ADR 0014.
 * Who may do what: ../auth/permissions.ts (event:*).
 *
 * For other domains: attendedEvents(userId), eventCredits(userId), attendedEventsForCourse(userId,
 * courseId); eventsDataForExport / deleteEventsData for the identity domain.
 */
import { db } from '../db/index.ts';

export * from './errors.ts';
export * from './types.ts';
export { withEventLock } from './lock.ts';
export { listEvents, monthView, monthFromParam, filtersFromUrl, getEventBySlug, isHost, hostIdsOf, createEvent, updateEvent, cancelEvent, deleteEvent, hostedEvents, newCheckinCode, PAGE_SIZE, RESERVED_SLUGS, SLUG, type EventFilters, type EventCard, type EventInput, type MonthView, type MonthDay } from './events.ts';
export { register, registerGroup, cancelRegistration, removeRegistration, REMOVAL_REASON_MAX, promoteWaitlisted, registrationState, checkAnswers, seatCounts, ownRegistration, registrationsOf, mayCancel, type Person, type ParticipantInput, type RegistrationResult, type GroupResult } from './registration.ts';
export { checkInWithCode, setAttendance, attendanceList, attendanceStats, attendanceCsv, attendedEvents, eventCredits, attendedEventsForCourse, checkinOpen, CHECKIN_BEFORE_MINUTES, CHECKIN_AFTER_MINUTES, type AttendedEvent, type CsvLabels } from './attendance.ts';
export { addRecording, deleteRecording, recordingsOf, openRecording, confirmWatched, type RecordingInput } from './recordings.ts';
export { submitFeedback, feedbackSummary, surveyQuestions, feedbackOpen, type QuestionSummary } from './feedback.ts';
export { publicFeed, personalFeed, eventIcs, feedToken, resetFeedToken } from './feed.ts';
export { eventPage, myEvents, publicEvent, joinWindow } from './page.ts';
export { invitationIcs, feedIcs, eventUid, eventUrl } from './ical.ts';
export { sendDueReminders, REMINDER_OFFSETS, REMINDERS_JOB } from './reminders.ts';
export { sendFollowUps, announceRecordings, inviteToFeedback, FOLLOWUPS_JOB } from './followups.ts';
export { seedEvents, SEED_EVENTS } from './seed.ts';
export { eventSearchSource, eventPath } from './search-source.ts';

/** Everything the events domain keeps about a person (for the profile's data export). */
export async function eventsDataForExport(userId: string, email: string) {
	const where = { OR: [{ userId }, { email: email.toLowerCase() }] };
	const [registrations, attendance, views] = await Promise.all([
		db().registration.findMany({ where, select: { eventId: true, status: true, name: true, email: true, organizationName: true, answers: true, registeredAt: true, cancelledAt: true } }),
		db().attendance.findMany({ where: { userId }, select: { eventId: true, source: true, attendedAt: true } }),
		db().recordingView.findMany({ where: { userId }, select: { recordingId: true, openedAt: true, completedAt: true } })
	]);
	return { registrations, attendance, recordingViews: views };
}

/** Removes a person's event rows when their account is deleted (the identity domain calls it). */
export async function deleteEventsData(userId: string, email: string): Promise<void> {
	await db().$transaction(async (tx) => {
		await tx.recordingView.deleteMany({ where: { userId } });
		await tx.attendance.deleteMany({ where: { userId, registrationId: null } });
		await tx.registration.deleteMany({ where: { OR: [{ userId }, { email: email.toLowerCase() }] } });
		await tx.eventFeedToken.deleteMany({ where: { userId } });
	});
}
