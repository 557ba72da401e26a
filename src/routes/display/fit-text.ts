/**
 * Fits a heading on one line by shrinking it, but never below `minimum` (a fraction of its CSS
 * size, set so capitals stay at the legibility floor); a name still too long then wraps onto a
 * second line at that floor. Re-fits when the text or the box changes. For `{@attach}`.
 */
export function fitText(text: string, minimum: number) {
	return (node: HTMLElement) => {
		const fit = () => {
			node.style.removeProperty('--fit');
			node.dataset.fit = 'one-line';
			const overflow = node.scrollWidth / Math.max(1, node.clientWidth);
			if (overflow <= 1) return;
			const scale = 1 / overflow;
			if (scale >= minimum) {
				// A hair under the exact ratio, so sub-pixel rounding cannot push it over again.
				node.style.setProperty('--fit', String(scale * 0.995));
				return;
			}
			node.style.setProperty('--fit', String(minimum));
			node.dataset.fit = 'wrapped';
		};
		void text;
		fit();
		const observer = new ResizeObserver(() => fit());
		observer.observe(node.parentElement ?? node);
		// The web font may arrive after the first fit and change every width.
		let live = true;
		void document.fonts?.ready.then(() => live && fit());
		return () => {
			live = false;
			observer.disconnect();
		};
	};
}
