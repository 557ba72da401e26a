import type { ChartDatum, ChartFormat, ChartTable } from './chart-types';

/**
 * What makes a chart readable without colour and on paper: the Okabe-Ito palette (clinical.md
 * section 7; the yellow last, it is faint on white), a marker shape per line and a hatch pattern
 * per bar group, so a series is told apart by shape as well as by colour.
 */
export const PALETTE = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#E69F00',
	'#56B4E9',
	'#000000',
	'#F0E442'
] as const;

/** Plot's filled symbols, each with the character a legend shows for it. */
export const MARKERS = [
	{ symbol: 'circle', glyph: '●' },
	{ symbol: 'square', glyph: '■' },
	{ symbol: 'triangle', glyph: '▲' },
	{ symbol: 'diamond', glyph: '◆' },
	{ symbol: 'star', glyph: '★' },
	{ symbol: 'cross', glyph: '✚' },
	{ symbol: 'wye', glyph: 'Y' }
] as const;

/** Text in a chart is at least this large (px), as on the pages around it. */
export const CHART_FONT_PX = 14;
export const CHART_HEIGHT_PX = 340;

/** The series in the order they first appear: their colours, markers and patterns follow it. */
export function seriesOf(data: readonly ChartDatum[]): string[] {
	return [...new Set(data.map((d) => d.series))];
}

export const colourOf = (index: number) => PALETTE[index % PALETTE.length]!;
export const markerOf = (index: number) => MARKERS[index % MARKERS.length]!;

/** A point's SVG <title>: "Week of 3 Nov 2026 · Balance Basics: 82 %", its table cell's words. */
export function datumTitle(d: ChartDatum, format: ChartFormat): string {
	return `${format.x(d.x)} · ${d.series}: ${format.y(d.y)}`;
}

const key = (x: ChartDatum['x']) => (x instanceof Date ? x.toISOString() : String(x));

/**
 * The chart's numbers as a table: a row an x (in order), a column a series, each cell the same
 * words as the point's title (an empty cell where a series has no point).
 */
export function chartTable(
	data: readonly ChartDatum[],
	format: ChartFormat,
	caption: string,
	xHeading: string,
	/** The series' columns in this order (a bar chart's `seriesOrder`), else as they first appear. */
	order?: string[]
): ChartTable {
	const series = order ?? seriesOf(data);
	const rows = new Map<string, { x: ChartDatum['x']; cells: string[] }>();
	for (const d of data) {
		const row = rows.get(key(d.x)) ?? { x: d.x, cells: series.map(() => '') };
		row.cells[series.indexOf(d.series)] = format.y(d.y);
		rows.set(key(d.x), row);
	}
	const sorted = [...rows.values()].sort((a, b) => compareX(a.x, b.x));
	return {
		caption,
		columns: [xHeading, ...series],
		rows: sorted.map((r) => [format.x(r.x), ...r.cells])
	};
}

export function compareX(a: ChartDatum['x'], b: ChartDatum['x']): number {
	if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return 0;
}
