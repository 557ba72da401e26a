import { z } from 'zod';
import { CLASS_TYPES, type ClassType } from './domain';

/** The longest name a coordinator may give a class type. */
export const CLASS_TYPE_NAME_MAX = 40;

/** A clinic's class type as pages show it: a built-in one not renamed has no name. */
export type ClassTypeChoice = {
	id: string;
	name: string | null;
	kind: ClassType;
	builtin: boolean;
};

/** What a coordinator types to add (or rename) a class type. */
export const classTypeFormSchema = z.object({
	name: z
		.string({ error: 'class-types.name-required' })
		.trim()
		.min(1, 'class-types.name-required')
		.max(CLASS_TYPE_NAME_MAX, 'field.too-long'),
	kind: z.enum(CLASS_TYPES, { error: 'field.choose' })
});
export type ClassTypeForm = z.output<typeof classTypeFormSchema>;

export const classTypeRenameSchema = classTypeFormSchema.pick({ name: true });

/** The words a name is compared by: case and surrounding or repeated spaces do not count. */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * What the series form's class type field holds: a built-in type by its kind (`aquatic`), which
 * older forms and links send too, or any of the clinic's types by id.
 */
export const classTypeValue = (type: Pick<ClassTypeChoice, 'id' | 'kind' | 'builtin'>) =>
	type.builtin ? type.kind : type.id;
