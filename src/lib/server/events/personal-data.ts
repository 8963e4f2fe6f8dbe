import { db } from '../db/index.ts';
import { registerPersonalDataProvider } from '../identity/personal-data.ts';

/**
 * A person's registrations, attendance, recording views and calendar feed join their export and
 * deletion. Registrations the person made for other members of a delegation stay (they are those
 * people's seats), with the registrant anonymised.
 */
const DELETED = 'deleted-user';

registerPersonalDataProvider({
	key: 'events',
	async export(userId) {
		const [registrations, attendance, recordingViews] = await Promise.all([
			db().registration.findMany({ where: { OR: [{ userId }, { registrantId: userId }, { email: (await db().user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? '' }] } }),
			db().attendance.findMany({ where: { userId } }),
			db().recordingView.findMany({ where: { userId } })
		]);
		return { registrations, attendance, recordingViews };
	},
	async erase(tx, person) {
		await tx.eventFeedToken.deleteMany({ where: { userId: person.id } });
		await tx.recordingView.deleteMany({ where: { userId: person.id } });
		await tx.attendance.deleteMany({ where: { userId: person.id } });
		await tx.registration.deleteMany({ where: { OR: [{ userId: person.id }, { email: person.email }] } });
		await tx.registration.updateMany({ where: { registrantId: person.id }, data: { registrantId: DELETED } });
		await tx.registrationGroup.updateMany({ where: { registrantId: person.id }, data: { registrantId: DELETED } });
	}
});
