import { error, json } from '@sveltejs/kit';
import { requireCoordinator } from '../auth/guard';
import { deviceOf } from '../records/audit';
import { wording } from '../../shared/rules';
import { MAX_RANGE_DAYS, parseQuery } from './query';
import { streamOf, type ExportResult, type Exporter } from './service';
import type { z } from 'zod';

/**
 * The two download endpoints' shared answer: a refused query is a 400 with its code (and the
 * field), a row of another clinic a 404, anything else the file as a stream.
 */
export async function exportResponse<T>(
	event: { locals: App.Locals; url: URL; request: Request },
	schema: z.ZodType<T>,
	run: (who: Exporter, query: T) => Promise<ExportResult>
): Promise<Response> {
	// The handle already refuses non-coordinators on this route group; this keeps it so if the
	// endpoint ever moves.
	const user = requireCoordinator(event.locals);
	const parsed = parseQuery(schema, event.url.searchParams);
	if (!parsed.ok) {
		return json(
			{ code: parsed.refusal.code, field: parsed.refusal.field, params: { days: MAX_RANGE_DAYS } },
			{ status: 400 }
		);
	}
	const { app, locale } = event.locals;
	const result = await run(
		{
			db: app.db,
			clinicId: user.clinicId,
			userId: user.id,
			device: deviceOf(event.request),
			words: wording(locale)
		},
		parsed.query
	);
	if (!result.ok) error(404, result.code);
	app.log.info({ userId: user.id, export: result.file.filename }, 'export started');
	return new Response(streamOf(result.file.chunks), {
		headers: {
			'content-type': result.file.contentType,
			'content-disposition': `attachment; filename="${result.file.filename}"`,
			'cache-control': 'no-store'
		}
	});
}
