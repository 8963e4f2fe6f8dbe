import { registerPersonalDataProvider } from '../identity/personal-data.ts';
import { db } from '../db/index.ts';

/**
 * A person's assessments, plans, certifications, assignments reached, history and reminders join
 * their export and their account deletion. Audit rows stay (identity anonymises them).
 */
export async function certificationDataForExport(userId: string) {
	const [assessments, plans, certifications, subjects, history] = await Promise.all([
		db().competencyAssessment.findMany({ where: { userId }, select: { frameworkId: true, kind: true, ratings: true, createdAt: true } }),
		db().developmentPlan.findMany({ where: { userId }, include: { items: true } }),
		db().certification.findMany({ where: { userId }, select: { programmeId: true, basis: true, certifiedAt: true, expiresAt: true, revokedAt: true, revokedReason: true, reason: true } }),
		db().certificationSubject.findMany({ where: { userId }, select: { programmeId: true, organizationId: true, since: true, endedAt: true } }),
		db().certificationHistory.findMany({ where: { userId }, select: { programmeId: true, kind: true, status: true, reason: true, at: true } })
	]);
	return { assessments, plans, certifications, assignments: subjects, history };
}

registerPersonalDataProvider({
	key: 'certification',
	export: (userId) => certificationDataForExport(userId),
	async erase(tx, person) {
		const userId = person.id;
		await tx.competencyAssessment.deleteMany({ where: { userId } });
		await tx.developmentPlan.deleteMany({ where: { userId } });
		await tx.certificationSubject.deleteMany({ where: { userId } });
		await tx.certificationHistory.deleteMany({ where: { userId } });
		await tx.certificationReminder.deleteMany({ where: { userId } });
		await tx.certification.deleteMany({ where: { userId } });
		await tx.certificationSummary.deleteMany({ where: { userId } });
		await tx.certificationSummaryStale.deleteMany({ where: { userId } });
		// Assessments a manager made of others stay, without the assessor.
		await tx.competencyAssessment.updateMany({ where: { assessorId: userId }, data: { assessorId: '' } });
	}
});
