import {
	exerciseFormInput,
	parseExerciseForm,
	type ExerciseFormInput
} from '../../shared/exercise-form';
import { problem, type Problems } from '../../i18n/problem';
import type { Database } from '../db/client';
import { createExercise, nameTaken, updateExercise, type MediaChange } from './exercises';
import { removeMedia, storeMedia } from './media-store';
import { checkUpload } from './upload';

export type FormSave =
	| { ok: true; id: string }
	| { ok: false; values: ExerciseFormInput; problems: Problems; notFound?: true };

/**
 * One save of the exercise editor, new or existing: every field and the upload are checked
 * first (all errors at once), the file is stored only when all are fine, and a file nobody
 * names after the save (a refused save, a replaced or removed picture) is deleted.
 */
export async function saveExerciseForm(
	db: Database,
	clinicId: string,
	form: FormData,
	id: string | null
): Promise<FormSave> {
	const values = exerciseFormInput(form);
	const parsed = parseExerciseForm(values);
	const upload = await checkUpload(form);
	const problems: Problems = parsed.ok ? {} : { ...parsed.problems };
	if (upload.kind === 'invalid') problems.media = upload.problem;
	// Say a name is taken now too, not only after the other fields are put right.
	if (!parsed.ok && !problems.name) {
		const taken = await nameTaken(
			db,
			clinicId,
			values.name.trim().replace(/\s+/g, ' '),
			id ?? undefined
		);
		if (taken) problems.name = taken;
	}
	if (!parsed.ok || upload.kind === 'invalid') {
		return { ok: false, values, problems: withLostUpload(problems, upload.kind) };
	}

	const stored =
		upload.kind === 'valid'
			? {
					file: await storeMedia(db, upload.bytes, upload.type, upload.extension),
					type: upload.type
				}
			: null;
	const change: MediaChange = stored
		? { kind: 'replace', ...stored }
		: form.has('removeMedia')
			? { kind: 'remove' }
			: { kind: 'keep' };
	let result;
	try {
		result = id
			? await updateExercise(db, clinicId, id, parsed.values, change)
			: await createExercise(db, clinicId, parsed.values, stored);
	} catch (error) {
		// Nothing names the new file: do not leave it behind.
		await removeMedia(db, stored?.file ?? null);
		throw error;
	}
	if (!result.ok) {
		await removeMedia(db, stored?.file ?? null);
		const notFound = 'notFound' in result && result.notFound ? (true as const) : undefined;
		return { ok: false, values, problems: withLostUpload(result.problems, upload.kind), notFound };
	}
	if ('oldMedia' in result) await removeMedia(db, result.oldMedia as string | null);
	return { ok: true, id: result.id };
}

/** A browser never refills a file input: say so, rather than let the picture silently vanish. */
function withLostUpload(problems: Problems, upload: string): Problems {
	return upload === 'valid'
		? { ...problems, mediaLost: problem('exercise-form.media-lost') }
		: problems;
}
