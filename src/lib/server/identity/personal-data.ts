import type { Prisma } from '../db/index.ts';

/**
 * Personal data held by other domains (enrolments, quiz attempts, event registrations, xAPI
 * statements, …) joins the person's data export and their account deletion through this registry:
 * a domain registers one provider, identity calls it. Identity never reads another domain's tables.
 *
 *   registerPersonalDataProvider({
 *     key: 'learning',
 *     export: (userId) => learningDataOf(userId),          // JSON-ready, no secrets or tokens
 *     erase: (tx, person) => eraseLearningDataOf(tx, person) // inside the deletion transaction
 *   });
 *
 * Register at module load of the domain's index.ts AND make sure that module is imported at start
 * (e.g. by the platform's job registration), so the provider exists before anyone deletes an account.
 */
export interface PersonalDataProvider {
	/** The key of this domain's part in the export, e.g. 'learning'. */
	key: string;
	/** Everything the domain holds about the person, JSON-ready, without secrets or tokens. */
	export(userId: string): Promise<unknown>;
	/**
	 * Removes (or anonymises, where a record must stay) the person's rows. Runs inside the deletion
	 * transaction: use `tx` only, never the outer client.
	 */
	erase(tx: Prisma.TransactionClient, person: { id: string; email: string }): Promise<void>;
}

const KEY = Symbol.for('maisternia.identity.personalDataProviders');
// On globalThis: a dev-server reload of this module must not forget the providers already registered.
const holder = globalThis as unknown as { [KEY]?: Map<string, PersonalDataProvider> };
const providers = (holder[KEY] ??= new Map());

export function registerPersonalDataProvider(provider: PersonalDataProvider): void {
	providers.set(provider.key, provider);
}

/** For tests: removes one provider again. */
export function unregisterPersonalDataProvider(key: string): void {
	providers.delete(key);
}

export function personalDataProviders(): PersonalDataProvider[] {
	return [...providers.values()].sort((a, b) => a.key.localeCompare(b.key));
}
