import { registerPersonalDataProvider } from '../identity/personal-data.ts';
import { learnerDataForExport } from './index.ts';

/** A person's enrolments, progress, quiz attempts and completions join their export and deletion. */
registerPersonalDataProvider({
	key: 'learning',
	export: (userId) => learnerDataForExport(userId),
	async erase(tx, person) {
		await tx.quizAttempt.deleteMany({ where: { userId: person.id } });
		await tx.lessonProgress.deleteMany({ where: { userId: person.id } });
		await tx.courseCompletion.deleteMany({ where: { userId: person.id } });
		await tx.enrollment.deleteMany({ where: { userId: person.id } });
	}
});
