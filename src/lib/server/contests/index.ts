/**
 * The national contest of best-practice cases: nominations with weighted criteria, a registration
 * form with the contest's own fields, jurors per nomination and round, blind scoring, recusals,
 * screening and final rounds, a public vote counted apart, tie rules, published results; winners
 * become published cases. Arithmetic: scoring.ts (pure). Who may: ../auth/permissions.ts (contest:*).
 */
export * from './scoring.ts';
export { contestResults, type NominationResults } from './results.ts';
export { ContestError, listContests, contestPage, registrationForm, registerEntry, checkEntry, myEntries, vote, readFormFields, currentRound, registrationOpen, type FormField, type EntryInput, type EntryErrors, type ContestRound } from './contests.ts';
export { jurorHome, jurorNomination, saveSheet, recuse, closeRound, startScreening, publishResults, manageView, assignJuror } from './jury.ts';
export { seedContests } from './seed.ts';
