/**
 * What the report charts take (issue 14). Every chart is drawn with @observablehq/plot as SVG,
 * readable without colour (a marker shape or pattern per series, labels on the lines) and in
 * print, and comes with its numbers as a table beside it and a text alternative.
 *
 * The contract between the chart parts (line-chart.svelte, bar-chart.svelte, chart-figure.svelte)
 * and the report pages: the pages give words already translated.
 */

/** One point of a line, or one bar (x = the week or the category). */
export type ChartDatum = {
	x: Date | string | number;
	y: number;
	/** The line or the bar's group; its legend, marker shape and pattern. */
	series: string;
};

/** A shaded band, e.g. the target exertion range. */
export type ChartBand = { from: number; to: number; label: string };

/** A dashed horizontal line, e.g. a test's cut-off. */
export type ChartThreshold = { y: number; label: string };

/**
 * How a point's x and y read in words. The chart's SVG <title>s and the table beside it are made
 * with the same two functions (chart-table.ts), so a title says exactly what its table cell says.
 */
export type ChartFormat = {
	/** E.g. a week: "Week of 3 Nov 2026". */
	x: (x: ChartDatum['x']) => string;
	/** E.g. "82 %". */
	y: (y: number) => string;
	/** An axis tick: shorter than `x` (e.g. "3 Nov"). Defaults to `x`. */
	tick?: (x: ChartDatum['x']) => string;
};

export type LineChartProps = {
	data: ChartDatum[];
	format: ChartFormat;
	xLabel: string;
	yLabel: string;
	band?: ChartBand;
	thresholds?: ChartThreshold[];
	yDomain?: [number, number];
	/** The text alternative: one or two sentences saying what the chart shows. */
	description: string;
};

export type BarChartProps = {
	data: ChartDatum[];
	format: ChartFormat;
	xLabel: string;
	yLabel: string;
	/** Groups stacked in one bar per x (else side by side). */
	stacked?: boolean;
	/** The groups in this order (colours, hatches, legend), else as they first appear. */
	seriesOrder?: string[];
	/** Counts: y ticks on whole numbers only. */
	wholeNumbers?: boolean;
	yDomain?: [number, number];
	description: string;
};

/** The numbers beside a chart: the same data as the chart, as a table. */
export type ChartTable = {
	caption: string;
	columns: string[];
	rows: (string | number)[][];
};
