import { m } from '$lib/paraglide/messages.js';
import { toCsv } from './csv.ts';
import type { LearnerRow, QuestionStat } from './reports.ts';

type Locale = 'uk' | 'en';

export function statusLabel(status: string, locale: Locale): string {
	const o = { locale };
	switch (status) {
		case 'requested':
			return m.cert_instr_status_requested({}, o);
		case 'active':
			return m.cert_instr_status_active({}, o);
		case 'completed':
			return m.cert_instr_status_completed({}, o);
		case 'withdrawn':
			return m.cert_instr_status_withdrawn({}, o);
		default:
			return m.cert_instr_status_declined({}, o);
	}
}

/** A true/false answer in words; other answers as they are. */
export function answerLabel(stat: Pick<QuestionStat, 'type' | 'commonWrong'>, locale: Locale): string {
	if (stat.commonWrong === null) return '';
	if (stat.type === 'true_false') return stat.commonWrong === 'true' ? m.cert_instr_true({}, { locale }) : m.cert_instr_false({}, { locale });
	return stat.commonWrong;
}

export function learnersCsv(rows: LearnerRow[], locale: Locale): string {
	const o = { locale };
	return toCsv(
		[
			m.cert_instr_col_name({}, o),
			m.cert_instr_col_email({}, o),
			m.cert_instr_col_org({}, o),
			m.cert_instr_col_status({}, o),
			m.cert_instr_col_enrolled({}, o),
			m.cert_instr_col_done({}, o),
			m.cert_instr_col_total({}, o),
			m.cert_instr_col_percent({}, o),
			m.cert_instr_col_score({}, o),
			m.cert_instr_col_completed({}, o),
			m.cert_instr_col_last({}, o),
			m.cert_instr_col_certificate({}, o)
		],
		rows.map((r) => [r.name, r.email, r.organization, statusLabel(r.status, locale), r.enrolledAt, r.done, r.total, r.percent, r.score, r.completedAt, r.lastActivityAt, r.certificateSerial])
	);
}

export function questionsCsv(stats: QuestionStat[], locale: Locale): string {
	const o = { locale };
	return toCsv(
		[
			m.cert_instr_col_quiz({}, o),
			m.cert_instr_col_question({}, o),
			m.cert_instr_col_attempts({}, o),
			m.cert_instr_col_correct({}, o),
			m.cert_instr_col_wrong({}, o),
			m.cert_instr_col_wrong_count({}, o)
		],
		stats.map((s) => [locale === 'en' ? s.quizTitleEn : s.quizTitleUk, s.prompt, s.attempts, s.percentCorrect, answerLabel(s, locale), s.commonWrongCount])
	);
}
