/** The patch version this LRS implements; sent in every response's X-Experience-API-Version. */
export const XAPI_VERSION = '1.0.3';
/** What /xapi/about lists: every 1.0.x patch version (they share one data model). */
export const SUPPORTED_VERSIONS = ['1.0.3', '1.0.2', '1.0.1', '1.0.0'] as const;
export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';
export const SIGNATURE_USAGE = 'http://adlnet.gov/expapi/attachments/signature';
/** Most statements per page; `limit=0` or no limit gives this many (Communication 2.1.3). */
export const MAX_LIMIT = 500;
/** Statements per POST. Larger batches are refused with 413 (Communication 3.2.s3.b11). */
export const MAX_BATCH = 1000;
/** Base path of the LRS in the portal (the `more` IRLs start with it). */
export const XAPI_BASE = '/xapi';
