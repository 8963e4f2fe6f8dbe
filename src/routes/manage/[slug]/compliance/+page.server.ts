import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { can } from '$lib/server/auth/permissions';
import {
	createAssignment,
	listAssignments,
	listProgrammes,
	overrideCertification,
	revokeAssignment,
	revokeCertification,
	runDaily,
	isCertificationError
} from '$lib/server/certification';
import { compliancePage } from '$lib/server/certification/dashboard-sql';
import { explainCertificationError } from '$lib/server/certification/messages';
import { findMemberByEmail } from '$lib/server/certification/members';
import { fromKyivInputValue } from '$lib/i18n/datetime';
import { complianceOrganization, filtersFrom } from './shared';
import type { Actions, PageServerLoad } from './$types';

const ROWS_SHOWN = 300;

/**
 * A manager's compliance dashboard for one organization: counts per department, charts, people (one
 * page of ROWS_SHOWN at a time, `?page=N`), assignments. Counts and the page of rows come from SQL.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { org, actor } = await complianceOrganization(locals, params.slug);
	const filters = filtersFrom(url);
	const page = Number(url.searchParams.get('page') ?? '1');
	const [report, assignments, programmes] = await Promise.all([compliancePage(org.id, filters, Number.isFinite(page) ? page : 1, ROWS_SHOWN), listAssignments(org.id), listProgrammes(org.id)]);
	return {
		organization: { id: org.id, slug: org.slug, nameUk: org.nameUk, nameEn: org.nameEn, departments: org.departments.map((d) => ({ id: d.id, nameUk: d.nameUk, nameEn: d.nameEn })) },
		filters,
		query: url.search,
		departments: report.departments,
		total: report.total,
		rows: report.rows.map((r) => ({ ...r, dueAt: r.dueAt?.toISOString() ?? null, expiresAt: r.expiresAt?.toISOString() ?? null })),
		rowCount: report.rowCount,
		rowsShown: ROWS_SHOWN,
		page: report.page,
		pages: report.pages,
		programmes: programmes.map((p) => ({ id: p.id, titleUk: p.titleUk, titleEn: p.titleEn, version: p.versions[0]?.version ?? 1, validityMonths: p.versions[0]?.validityMonths ?? 0, windowDays: p.versions[0]?.windowDays ?? 0 })),
		assignments: assignments.map((a) => ({
			id: a.id,
			programmeUk: a.programme.titleUk,
			programmeEn: a.programme.titleEn,
			targetType: a.targetType,
			departmentId: a.departmentId,
			position: a.position,
			userId: a.userId,
			dueKind: a.dueKind,
			dueDate: a.dueDate?.toISOString() ?? null,
			dueDays: a.dueDays,
			people: a._count.subjects
		})),
		mayOverride: can(actor, 'certification:override', { organizationId: org.id }),
		generatedAt: report.generatedAt.toISOString()
	};
};

const assignSchema = z.object({
	programmeId: z.string().min(1),
	targetType: z.enum(['organization', 'department', 'position', 'person']),
	departmentId: z.string().optional().default(''),
	position: z.string().trim().max(200).optional().default(''),
	email: z.string().trim().max(320).optional().default(''),
	dueKind: z.enum(['fixed', 'after_hire', 'after_assignment']),
	dueDate: z.string().optional().default(''),
	dueDays: z.string().optional().default('')
});

const reasonForm = z.object({ id: z.string().min(1), reason: z.string().default('') });

function failWith(e: unknown, locale: 'uk' | 'en', form: string, values: Record<string, string> = {}) {
	if (isCertificationError(e)) return fail(400, { form, error: explainCertificationError(e, locale), values });
	throw e;
}

export const actions: Actions = {
	assign: async ({ locals, params, request }) => {
		const { org, actor } = await complianceOrganization(locals, params.slug);
		const raw = Object.fromEntries(await request.formData()) as Record<string, string>;
		const parsed = assignSchema.safeParse(raw);
		if (!parsed.success) return fail(400, { form: 'assign', error: m.form_invalid(), values: raw });
		const d = parsed.data;
		let userId: string | null = null;
		if (d.targetType === 'person') {
			userId = await findMemberByEmail(org.id, d.email);
			if (!userId) return fail(400, { form: 'assign', error: m.certn_error_person_not_member(), values: raw });
		}
		const dueDate = d.dueKind === 'fixed' && d.dueDate ? fromKyivInputValue(`${d.dueDate}T23:59`) : null;
		const dueDays = d.dueKind !== 'fixed' && /^\d{1,4}$/.test(d.dueDays) ? Number(d.dueDays) : null;
		if ((d.dueKind === 'fixed' && !dueDate) || (d.dueKind !== 'fixed' && dueDays === null)) return fail(400, { form: 'assign', error: m.certn_error_due(), values: raw });
		try {
			await createAssignment(actor, org.id, {
				programmeId: d.programmeId,
				targetType: d.targetType,
				departmentId: d.departmentId || null,
				position: d.position || null,
				userId,
				dueKind: d.dueKind,
				dueDate,
				dueDays
			});
		} catch (e) {
			if (e instanceof z.ZodError) return fail(400, { form: 'assign', error: m.form_invalid(), values: raw });
			return failWith(e, locals.locale, 'assign', raw);
		}
		return { form: 'assign', success: m.certn_assigned() };
	},

	unassign: async ({ locals, params, request }) => {
		const { org, actor } = await complianceOrganization(locals, params.slug);
		const id = String((await request.formData()).get('id') ?? '');
		try {
			await revokeAssignment(actor, org.id, id);
		} catch (e) {
			return failWith(e, locals.locale, 'assignments');
		}
		return { form: 'assignments', success: m.certn_unassigned() };
	},

	remind: async ({ locals, params }) => {
		const { org } = await complianceOrganization(locals, params.slug);
		const r = await runDaily(new Date(), org.id);
		return { form: 'remind', success: m.certn_reminders_sent({ people: String(r.personMessages), digests: String(r.digests) }) };
	},

	revoke: async ({ locals, params, request }) => {
		const { org, actor } = await complianceOrganization(locals, params.slug);
		const parsed = reasonForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { form: 'people', error: m.form_invalid() });
		try {
			await revokeCertification(actor, { certificationId: parsed.data.id, organizationId: org.id, reason: parsed.data.reason });
		} catch (e) {
			return failWith(e, locals.locale, 'people');
		}
		return { form: 'people', success: m.certn_revoked() };
	},

	override: async ({ locals, params, request }) => {
		const { org, actor } = await complianceOrganization(locals, params.slug);
		const f = await request.formData();
		const parsed = z.object({ userId: z.string().min(1), programmeId: z.string().min(1), reason: z.string().default('') }).safeParse(Object.fromEntries(f));
		if (!parsed.success) return fail(400, { form: 'people', error: m.form_invalid() });
		try {
			await overrideCertification(actor, { ...parsed.data, organizationId: org.id });
		} catch (e) {
			return failWith(e, locals.locale, 'people');
		}
		return { form: 'people', success: m.certn_overridden() };
	}
};
