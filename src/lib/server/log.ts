import pino from 'pino';

/**
 * Structured logs for operators. Never log PHI: log ids, counts and codes, not names, notes,
 * emails or request bodies. The redact list is a safety net, not a licence.
 */
export function createLogger(level: pino.Level | 'silent') {
	return pino({
		level,
		base: undefined,
		serializers: { err: serializeError },
		redact: {
			paths: ['password', 'email', 'name', 'note', 'notes', '*.password', '*.email', '*.name'],
			censor: '[redacted]'
		}
	});
}

export type Logger = ReturnType<typeof createLogger>;

/**
 * Database errors carry the query's parameters in their message, and parameters can be PHI
 * (a name searched for, a note). Keep the SQL and the database's reason; drop the values.
 */
export function serializeError(error: unknown): Record<string, unknown> {
	if (!(error instanceof Error)) return { message: String(error) };
	const withoutParams = (message: string) => message.split('\nparams:')[0];
	const cause = error.cause instanceof Error ? withoutParams(error.cause.message) : undefined;
	return {
		type: error.name,
		message: withoutParams(error.message),
		...(cause ? { cause } : {}),
		// The stack's first lines repeat the message: keep only the frames.
		stack: error.stack
			?.split('\n')
			.filter((line) => line.trimStart().startsWith('at '))
			.slice(0, 5)
			.join('\n')
	};
}
