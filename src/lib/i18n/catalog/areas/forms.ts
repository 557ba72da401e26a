/** Field problems shared by every form (zod messages in src/lib/shared name these keys). English first; Spanish must have the same keys (the type says so). */
export const formsEn = {
	'field.invalid': 'Check this field.',
	'field.required': 'Fill this in.',
	'field.choose': 'Choose from the list.',
	'field.too-long': 'At most {max} characters.',
	'form.not-saved': 'Nothing was saved. Correct the fields marked below.'
};

export const formsEs: Record<keyof typeof formsEn, string> = {
	'field.invalid': 'Revise este campo.',
	'field.required': 'Complete este campo.',
	'field.choose': 'Elija de la lista.',
	'field.too-long': 'Como máximo {max} caracteres.',
	'form.not-saved': 'No se guardó nada. Corrija los campos marcados abajo.'
};
