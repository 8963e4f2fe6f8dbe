import { m } from '$lib/paraglide/messages.js';

/** Translated text of a credential check's problem (cert_problem_<code>). */
const PROBLEMS: Record<string, () => string> = {
	too_large: m.cert_problem_too_large,
	malformed: m.cert_problem_malformed,
	unsigned: m.cert_problem_unsigned,
	bad_signature: m.cert_problem_bad_signature,
	unknown_key: m.cert_problem_unknown_key,
	not_open_badge: m.cert_problem_not_open_badge,
	unknown_serial: m.cert_problem_unknown_serial,
	bad_type: m.cert_problem_bad_type,
	empty: m.cert_problem_empty
};

export function problemMessage(code: string): string {
	return (PROBLEMS[code] ?? m.cert_problem_malformed)();
}
