/**
 * The xAPI 1.0.3 Learning Record Store (issue 7, ADR 0012).
 *
 * For the routes: `handleXapi(request, { session })` serves everything under /xapi.
 * For the courses domain: `portalActor(user)` is the agent the portal's player writes statements
 * as; `portalActorIfis(user)` every identifier statements about the person may carry;
 * `learnerStatements(...)` reads them (voided ones excluded) to decide completion and scores.
 * For the admin pages and the command line: clients (credentials) and the statement browser.
 */
export { handleXapi, type XapiContext } from './http.ts';
export { portalActor, portalActorIfis, isPortalActor, portalHomePage, ifi, type Agent, type PortalPerson } from './agents.ts';
export {
	createClient,
	revokeClient,
	listClients,
	ClientInputError,
	SCOPES,
	DEFAULT_SCOPES,
	type Scope,
	type ClientInput
} from './clients.ts';
export {
	learnerStatements,
	listStatementsForAdmin,
	statementsCsv,
	adminFilterOptions,
	displayText,
	ifiLabel,
	iriTail,
	type AdminStatementFilter,
	type AdminStatementRow
} from './admin.ts';
export { XAPI_VERSION, SUPPORTED_VERSIONS, XAPI_BASE } from './constants.ts';
