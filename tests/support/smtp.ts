import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

/**
 * A real SMTP server (smtp-server) started in-process for tests. Every message it accepts is parsed
 * with mailparser and kept, so a test can read what a person would find in their mailbox.
 */
export interface ReceivedMail {
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	parsed: ParsedMail;
}

export interface TestSmtp {
	url: string;
	port: number;
	messages: ReceivedMail[];
	/** Waits for a message to `to` (and matching `subject`, if given). */
	waitFor(to: string, subject?: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
	/** Makes the next `n` deliveries fail with a temporary error (to test retries). */
	failNext(n: number): void;
	stop(): Promise<void>;
}

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
	const messages: ReceivedMail[] = [];
	const waiters: Array<() => void> = [];
	let failures = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			if (failures > 0) {
				failures--;
				stream.resume();
				stream.on('end', () => {
					const err = new Error('Temporary failure (test)') as Error & { responseCode: number };
					err.responseCode = 451;
					callback(err);
				});
				return;
			}
			simpleParser(stream).then(
				(parsed) => {
					messages.push({
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
						subject: parsed.subject ?? '',
						text: parsed.text ?? '',
						html: typeof parsed.html === 'string' ? parsed.html : '',
						parsed
					});
					for (const w of waiters.splice(0)) w();
					callback();
				},
				(err) => callback(err)
			);
		}
	});
	// A client that goes away mid-session (a worker killed on purpose, a test's timeout) resets its
	// connection; smtp-server reports that as an 'error' event, which without a listener would be an
	// uncaught exception in the test process. The message is simply not received.
	server.on('error', () => undefined);
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actualPort = (server.server.address() as AddressInfo).port;

	function find(to: string, subject?: RegExp) {
		const want = to.toLowerCase();
		return messages.find((m) => m.to.includes(want) && (!subject || subject.test(m.subject)));
	}

	return {
		url: `smtp://127.0.0.1:${actualPort}`,
		port: actualPort,
		messages,
		failNext(n) {
			failures = n;
		},
		async waitFor(to, subject, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = find(to, subject);
				if (found) return found;
				const left = deadline - Date.now();
				if (left <= 0) throw new Error(`No mail to ${to}${subject ? ' matching ' + subject : ''} within ${timeoutMs} ms`);
				await new Promise<void>((resolve) => {
					const t = setTimeout(resolve, Math.min(left, 250));
					waiters.push(() => {
						clearTimeout(t);
						resolve();
					});
				});
			}
		},
		stop: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
