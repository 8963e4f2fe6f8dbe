// `npm start`: builds the portal if needed, then serves it at http://localhost:3000 with the demo
// content on the embedded database (no DATABASE_URL) or on the PostgreSQL server named by DATABASE_URL.
// Settings come from the environment (.env is read when present); see .env.example.
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { buildIfStale } from './build-if-stale.js';

if (fs.existsSync('.env')) process.loadEnvFile?.('.env');
process.env.SEED_DEMO ??= 'true';
process.env.PORT ??= '3000';
process.env.NODE_ENV ??= 'production';
// adapter-node refuses request bodies over 512 KB by default: uploads (H5P packages up to 50 MB, case
// attachments up to CASE_ATTACHMENT_MAX_MB each) need more.
process.env.BODY_SIZE_LIMIT ??= '64M';

const t0 = Date.now();
buildIfStale();
const child = spawn(process.execPath, ['build/index.js'], { stdio: ['inherit', 'pipe', 'inherit'], env: process.env });
let announced = false;
child.stdout.on('data', (chunk) => {
	process.stdout.write(chunk);
	if (!announced && /Listening on/.test(String(chunk))) {
		announced = true;
		const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
		console.log(`\nМайстерня е-урядування: http://${host}:${process.env.PORT}  (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
	}
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
