// Every domain that keeps data about a person registers it with identity's registry (see
// src/lib/server/identity/personal-data.ts), so a person's export and account deletion cover it.
// Imported at start (platform/index.ts) and by the tests.
import '../learning/personal-data.ts';
import '../publishing/personal-data.ts';
import '../certification/personal-data.ts';
import '../certificates/personal-data.ts';
import '../events/personal-data.ts';
import '../club/personal-data.ts';
import '../xapi/personal-data.ts';
import '../cases/personal-data.ts';
