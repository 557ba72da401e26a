import { exportResponse } from '$lib/server/exports/respond';
import { fhirQuerySchema } from '$lib/server/exports/query';
import { exportFhir } from '$lib/server/exports/service';
import type { RequestHandler } from './$types';

/** A FHIR R4 Bundle: ?scope=session&sessionId, ?scope=participant&participantId&from&to, ?scope=range&from&to */
export const GET: RequestHandler = (event) => exportResponse(event, fhirQuerySchema, exportFhir);
