import { exportResponse } from '$lib/server/exports/respond';
import { csvQuerySchema } from '$lib/server/exports/query';
import { exportCsv } from '$lib/server/exports/service';
import type { RequestHandler } from './$types';

/** A CSV file of class records: ?file=attendance|tolerance|adverse-events|notes&from&to[&roomId][&seriesId] */
export const GET: RequestHandler = (event) => exportResponse(event, csvQuerySchema, exportCsv);
