/**
 * The national contest of best-practice cases: nominations with weighted criteria, a registration
 * form with the contest's own fields, jurors per nomination and round, blind scoring, recusals,
 * screening and final rounds, a public vote counted apart, tie rules, published results; winners
 * become published cases. Arithmetic: scoring.ts (pure). Who may: ../auth/permissions.ts (contest:*).
 */
export * from './scoring.ts';
export { contestResults, type NominationResults } from './results.ts';
export { ContestError, type ContestErrorCode, localFields, answerText, listContests, contestPage, registrationForm, registerEntry, checkEntry, myEntries, vote, readFormFields, currentRound, registrationOpen, type FormField, type EntryInput, type EntryErrors, type ContestRound } from './contests.ts';
export { jurorHome, jurorNomination, saveSheet, recuse, withdrawRecusal, closeRound, startScreening, publishResults, manageView } from './jury.ts';
export { createContest, updateContest, setupView, addNomination, updateNomination, moveNomination, removeNomination, addCriterion, updateCriterion, moveCriterion, removeCriterion, addField, updateField, moveField, removeField, openRegistration, seatJuror, removeJuror, findPeople } from './setup.ts';
export { contestSchema, nominationSchema, criterionSchema, fieldSchema, jurorSchema, recusalWithdrawalSchema, parseForm, readOptions, FIELD_TYPES, CASE_KEYS, type FieldType, type Values, type FieldErrors } from './forms.ts';
export { seedContests } from './seed.ts';
