import type { Handle } from '@sveltejs/kit';

// Placeholder until sign-in lands (issue 2, auth part): every request is a guest.
export const authHandle: Handle = ({ event, resolve }) => resolve(event);
export const userHandle: Handle = ({ event, resolve }) => {
	event.locals.user = null;
	return resolve(event);
};
