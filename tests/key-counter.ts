import type { Page } from '@playwright/test';

/**
 * The keyboard a person uses, counted: every key pressed and every character typed is one
 * press, so a flow's cost can be printed and compared with its target. Only keys, no mouse.
 */
export class KeyCounter {
	presses = 0;
	private readonly steps: { step: string; presses: number }[] = [];
	private stepStart = 0;

	constructor(private readonly page: Page) {}

	/** One key (or chord such as 'Shift+Tab', counted as one press), `times` times. */
	async press(key: string, times = 1) {
		for (let i = 0; i < times; i++) {
			await this.page.keyboard.press(key);
			this.presses++;
		}
	}

	/** Typed text: a press per character. */
	async type(text: string) {
		await this.page.keyboard.type(text);
		this.presses += text.length;
	}

	/** Presses Tab until `isThere` holds for the focused element; fails after `limit` presses. */
	async tabTo(isThere: () => Promise<boolean>, limit = 40, key = 'Tab') {
		for (let i = 0; i < limit; i++) {
			if (await isThere()) return;
			await this.press(key);
		}
		if (!(await isThere())) throw new Error(`Not reached in ${limit} presses of ${key}`);
	}

	/** Closes a named step of the flow (for the printed breakdown). */
	step(name: string) {
		this.steps.push({ step: name, presses: this.presses - this.stepStart });
		this.stepStart = this.presses;
	}

	report(): string {
		const lines = this.steps.map((s) => `  ${s.step}: ${s.presses}`);
		return [`key presses: ${this.presses}`, ...lines].join('\n');
	}
}
