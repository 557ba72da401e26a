/**
 * Outcome tests in the records (issue 14): the class note's section of tests and the exports'
 * outcome-tests file. English first; Spanish must have the same keys (the type says so).
 */
export const outcomeRecordsEn = {
	'outcomes.records.csv-file': 'Outcome tests (chair stand, Timed Up and Go, 4-stage balance)',
	'outcomes.records.section': 'Outcome tests',
	'outcomes.records.none': 'No outcome tests in this class.',
	'outcomes.records.line': '{time}: {what}',
	'outcomes.records.tester': 'Tested by {tester}',
	'outcomes.records.note': 'Note: {note}'
};

export const outcomeRecordsEs: Record<keyof typeof outcomeRecordsEn, string> = {
	'outcomes.records.csv-file':
		'Pruebas de resultado (levantarse de la silla, Timed Up and Go, equilibrio en 4 etapas)',
	'outcomes.records.section': 'Pruebas de resultado',
	'outcomes.records.none': 'No hubo pruebas de resultado en esta clase.',
	'outcomes.records.line': '{time}: {what}',
	'outcomes.records.tester': 'Evaluó {tester}',
	'outcomes.records.note': 'Nota: {note}'
};
