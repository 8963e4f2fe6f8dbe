import { db } from '../db/index.ts';
import { hashPassword } from './password.ts';

/** Test-only helpers: unique addresses and IPs per test, and ready-made accounts. */
let seq = 0;
export function uniqueEmail(prefix: string): string {
	return `${prefix}.${Date.now()}.${++seq}@test.maisternia.ua`;
}
export function uniqueIp(): string {
	seq++;
	return `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;
}

export async function makeUser(options: { email?: string; password?: string | null; verified?: boolean; locale?: string; name?: string } = {}) {
	return db().user.create({
		data: {
			email: options.email ?? uniqueEmail('user'),
			name: options.name ?? 'Оксана Тестова',
			locale: options.locale ?? 'uk',
			passwordHash: options.password === null ? null : await hashPassword(options.password ?? 'Correct-horse-2026'),
			emailVerified: options.verified === false ? null : new Date()
		}
	});
}
