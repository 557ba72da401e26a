/**
 * The few newer built-ins Steady's browser code uses, for the old Chromium of a 2020 smart TV or
 * set-top box (Chromium 87, Safari 14): defined only where missing, behaving as specified for
 * the calls Steady makes, so a current browser runs its own. The syntax is lowered by the build (vite.config.ts `target`);
 * built-ins cannot be, hence these. tests/e2e/old-tv.spec.ts runs the wall without them.
 */

function define<T extends object>(target: T, name: string, value: unknown) {
	if (name in target) return;
	Object.defineProperty(target, name, { value, writable: true, configurable: true });
}

function relativeIndex(length: number, index: number): number {
	const whole = Math.trunc(index) || 0;
	return whole < 0 ? length + whole : whole;
}

define(Array.prototype, 'at', function at<E>(this: E[], index: number): E | undefined {
	const i = relativeIndex(this.length, index);
	return i < 0 || i >= this.length ? undefined : this[i];
});

define(String.prototype, 'at', function at(this: string, index: number): string | undefined {
	const i = relativeIndex(this.length, index);
	return i < 0 || i >= this.length ? undefined : this.charAt(i);
});

define(Array.prototype, 'findLast', function findLast<
	E
>(this: E[], test: (value: E, index: number, array: E[]) => unknown) {
	for (let i = this.length - 1; i >= 0; i--) if (test(this[i]!, i, this)) return this[i];
	return undefined;
});

define(Array.prototype, 'findLastIndex', function findLastIndex<
	E
>(this: E[], test: (value: E, index: number, array: E[]) => unknown) {
	for (let i = this.length - 1; i >= 0; i--) if (test(this[i]!, i, this)) return i;
	return -1;
});

define(Object, 'hasOwn', (object: object, key: PropertyKey) =>
	Object.prototype.hasOwnProperty.call(object, key)
);

define(
	String.prototype,
	'replaceAll',
	function replaceAll(this: string, search: string | RegExp, replacement: string) {
		if (search instanceof RegExp) {
			if (!search.global) throw new TypeError('replaceAll must be called with a global RegExp');
			return this.replace(search, replacement);
		}
		return this.split(search).join(replacement);
	}
);

export {};
