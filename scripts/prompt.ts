import readline from 'node:readline';

/** Reads one line from the terminal without echoing it. */
export function askHidden(question: string): Promise<string> {
	return new Promise((resolve) => {
		const rl = readline.createInterface({
			input: process.stdin,
			output: process.stdout,
			terminal: true
		});
		const output = rl as unknown as { _writeToOutput: (text: string) => void };
		let asked = false;
		output._writeToOutput = (text: string) => {
			// Show the question once, then nothing of what is typed.
			if (!asked) process.stdout.write(text);
			asked = true;
		};
		rl.question(question, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
	});
}
