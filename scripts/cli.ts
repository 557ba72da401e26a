/** Runs a command-line task: setup problems print one line and exit 1, like the server. */
export async function runCli(task: () => Promise<void>): Promise<void> {
	try {
		await task();
	} catch (error) {
		const { code, message } = error as { code?: string; message?: string };
		if (code === 'STEADY_STARTUP' || code === 'STEADY_USAGE') {
			console.error(message);
			process.exit(1);
		}
		throw error;
	}
}

export class UsageError extends Error {
	readonly code = 'STEADY_USAGE';
}
