/** Shared by the club tests: people with a club role (real User rows, for mail and invitations). */
import { db } from '../db/index.ts';
import { makeUser } from '../auth/test-helpers.ts';
import type { ClubRole } from '../db/generated/enums.ts';

let seq = 0;
const run = Date.now().toString(36);

export async function clubPerson(role: ClubRole | null, name = 'Оксана Петренко', digest: 'daily' | 'weekly' | 'off' = 'off') {
	const user = await makeUser({ name, password: null });
	if (role) {
		await db().clubMember.create({ data: { userId: user.id, role, status: 'active', displayName: name, handle: `t.${run}.${++seq}`, organizationName: 'Вінницька міська рада', digest } });
	}
	return { id: user.id, name, email: user.email };
}
