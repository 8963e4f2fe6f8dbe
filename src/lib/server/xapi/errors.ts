/**
 * An answer the LRS gives instead of a result: the status and a message saying what is wrong
 * (Communication 3.2: the most appropriate code, with a message explaining the cause).
 */
export class XapiError extends Error {
	constructor(
		readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 412 | 413 | 500,
		message: string,
		readonly headers: Record<string, string> = {}
	) {
		super(message);
		this.name = 'XapiError';
	}
}

export const badRequest = (message: string) => new XapiError(400, message);
export const forbidden = (message: string) => new XapiError(403, message);
export const notFound = (message: string) => new XapiError(404, message);

export function isXapiError(err: unknown): err is XapiError {
	return err instanceof XapiError;
}
