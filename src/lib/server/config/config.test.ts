import { afterEach, describe, expect, it } from 'vitest';
import { config, resetConfig, typesenseSettings } from './index.ts';

const KEYS = ['TYPESENSE_URL', 'TYPESENSE_API_KEY', 'TYPESENSE_COLLECTION'] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));

afterEach(() => {
	for (const k of KEYS) {
		if (saved[k] === undefined) delete process.env[k];
		else process.env[k] = saved[k];
	}
	resetConfig();
});

function withEnv(values: Partial<Record<(typeof KEYS)[number], string>>) {
	for (const k of KEYS) delete process.env[k];
	Object.assign(process.env, values);
	resetConfig();
}

describe('Typesense settings', () => {
	it('are null unless both the URL and the key are set (search stays on PostgreSQL)', () => {
		withEnv({});
		expect(typesenseSettings()).toBeNull();
		withEnv({ TYPESENSE_URL: 'http://ts:8108' });
		expect(typesenseSettings()).toBeNull();
		withEnv({ TYPESENSE_API_KEY: 'secret' });
		expect(typesenseSettings()).toBeNull();
	});

	it('name the cluster, the key and the collection (default «portal»)', () => {
		withEnv({ TYPESENSE_URL: ' https://ts1:8108,https://ts2:8108 ', TYPESENSE_API_KEY: 'secret' });
		expect(typesenseSettings()).toEqual({ url: 'https://ts1:8108,https://ts2:8108', apiKey: 'secret', collection: 'portal' });
		withEnv({ TYPESENSE_URL: 'http://ts:8108', TYPESENSE_API_KEY: 'secret', TYPESENSE_COLLECTION: 'portal_v2' });
		expect(typesenseSettings()?.collection).toBe('portal_v2');
		expect(config().TYPESENSE_COLLECTION).toBe('portal_v2');
	});
});
