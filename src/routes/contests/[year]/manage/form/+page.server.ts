import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { addField, CASE_KEYS, FIELD_TYPES, fieldSchema, localFields, moveField, removeField, setupView, updateField } from '$lib/server/contests';
import { submit, yearOf } from '../forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requirePermission(locals, 'contest:manage');
	const view = await setupView(yearOf(params), locals.locale);
	if (!view) error(404, { message: m.contest_error_not_found() });
	return { year: view.year, title: view.title, editable: view.editable, fields: view.fields.map((f) => ({ id: f.id, type: f.type, required: f.required, label: f.label, values: f.values })), preview: localFields(view.fields, locals.locale), types: FIELD_TYPES, caseKeys: CASE_KEYS, done: url.searchParams.get('done') };
};

const year = (e: { params: { year: string } }) => yearOf(e.params);

export const actions: Actions = {
	add: (event) => submit(event, fieldSchema, () => 'field-new', (d) => addField(year(event), d), '?done=added'),
	// A field's key is fixed once it exists (entries' answers use it): the key in the form is the field's.
	save: (event) => submit(event, fieldSchema, (v) => `field-${v.key}`, (d, v) => updateField(year(event), v.key ?? '', d), '?done=saved'),
	up: (event) => submit(event, null, (v) => `field-${v.key}`, (_d, v) => moveField(year(event), v.key ?? '', -1), '?done=moved'),
	down: (event) => submit(event, null, (v) => `field-${v.key}`, (_d, v) => moveField(year(event), v.key ?? '', 1), '?done=moved'),
	remove: (event) => submit(event, null, (v) => `field-${v.key}`, (_d, v) => removeField(year(event), v.key ?? ''), '?done=removed')
};
