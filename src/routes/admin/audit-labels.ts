import { m } from '$lib/paraglide/messages.js';

/** Words for the audit log and the role names, shared by the admin and manager pages. */

export function globalRoleLabel(role: string): string {
	switch (role) {
		case 'admin':
			return m.admin_role_admin();
		case 'editor':
			return m.admin_role_editor();
		case 'contributor':
			return m.admin_role_contributor();
		case 'instructor':
			return m.admin_role_instructor();
		case 'expert':
			return m.admin_role_expert();
		case 'learner':
			return m.admin_role_learner();
		default:
			return role;
	}
}

export function orgRoleLabel(role: string): string {
	switch (role) {
		case 'manager':
			return m.admin_orgrole_manager();
		case 'staff':
			return m.admin_orgrole_staff();
		default:
			return role;
	}
}

export function orgKindLabel(kind: string): string {
	switch (kind) {
		case 'local_government':
			return m.admin_kind_local_government();
		case 'state_body':
			return m.admin_kind_state_body();
		case 'ngo':
			return m.admin_kind_ngo();
		default:
			return m.admin_kind_other();
	}
}

export function auditActionLabel(action: string): string {
	switch (action) {
		case 'user.roles_changed':
			return m.admin_audit_action_roles_changed();
		case 'user.deleted':
			return m.admin_audit_action_user_deleted();
		case 'membership.added':
			return m.admin_audit_action_membership_added();
		case 'membership.changed':
			return m.admin_audit_action_membership_changed();
		case 'membership.removed':
			return m.admin_audit_action_membership_removed();
		case 'invitation.created':
			return m.admin_audit_action_invitation_created();
		case 'invitation.accepted':
			return m.admin_audit_action_invitation_accepted();
		case 'invitation.revoked':
			return m.admin_audit_action_invitation_revoked();
		case 'organization.created':
			return m.admin_audit_action_organization_created();
		case 'organization.updated':
			return m.admin_audit_action_organization_updated();
		case 'department.created':
			return m.admin_audit_action_department_created();
		case 'department.updated':
			return m.admin_audit_action_department_updated();
		case 'department.deleted':
			return m.admin_audit_action_department_deleted();
		case 'profile.updated':
			return m.admin_audit_action_profile_updated();
		case 'data.exported':
			return m.admin_audit_action_data_exported();
		case 'certificate.revoked':
			return m.admin_audit_action_certificate_revoked();
		case 'certification.programme_created':
			return m.admin_audit_action_certification_programme_created();
		case 'certification.programme_version':
			return m.admin_audit_action_certification_programme_version();
		case 'certification.programme_updated':
			return m.admin_audit_action_certification_programme_updated();
		case 'certification.assigned':
			return m.admin_audit_action_certification_assigned();
		case 'certification.assignment_revoked':
			return m.admin_audit_action_certification_assignment_revoked();
		case 'certification.override':
			return m.admin_audit_action_certification_override();
		case 'certification.revoked':
			return m.admin_audit_action_certification_revoked();
		case 'certification.framework_imported':
			return m.admin_audit_action_certification_framework_imported();
		case 'certification.framework_edited':
			return m.admin_audit_action_certification_framework_edited();
		case 'contest.recusal_withdrawn':
			return m.admin_audit_action_contest_recusal_withdrawn();
		case 'club.hidden':
			return m.admin_audit_action_club_hidden();
		case 'event.registration_removed':
			return m.admin_audit_action_event_registration_removed();
		default:
			return action;
	}
}

export function auditFieldLabel(key: string): string {
	switch (key) {
		case 'roles':
			return m.admin_field_roles();
		case 'role':
		case 'orgRole':
			return m.admin_field_org_role();
		case 'organizationId':
			return m.admin_field_organization();
		case 'departmentId':
			return m.admin_field_department();
		case 'position':
			return m.admin_field_position();
		case 'name':
			return m.admin_field_name();
		case 'locale':
			return m.admin_field_locale();
		case 'nameUk':
			return m.admin_field_name_uk();
		case 'nameEn':
			return m.admin_field_name_en();
		case 'shortNameUk':
			return m.admin_field_short_name_uk();
		case 'shortNameEn':
			return m.admin_field_short_name_en();
		case 'slug':
			return m.admin_field_slug();
		case 'kind':
			return m.admin_field_kind();
		case 'city':
			return m.admin_field_city();
		case 'edrpou':
			return m.admin_field_edrpou();
		case 'website':
			return m.admin_field_website();
		case 'expiresAt':
			return m.admin_field_expires();
		case 'newAccount':
			return m.admin_field_new_account();
		default:
			return key;
	}
}
