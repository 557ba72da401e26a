/**
 * Outcome tests (issue 14): the tests' names, results, cut-offs and their sources, the problems a
 * bad result gets. English first; Spanish must have the same keys (the type says so).
 */
export const outcomesEn = {
	'outcomes.test.chair_stand_30s': '30-second chair stand',
	'outcomes.test.tug': 'Timed Up and Go',
	'outcomes.test.four_stage_balance': '4-stage balance',
	'outcomes.stage.1': 'Feet together',
	'outcomes.stage.2': 'Semi-tandem',
	'outcomes.stage.3': 'Tandem',
	'outcomes.stage.4': 'Single leg',
	'outcomes.sex.female': 'Female',
	'outcomes.sex.male': 'Male',
	'outcomes.sex.not_recorded': 'Not recorded',
	'outcomes.result.chair-stand': '{count} stands',
	'outcomes.result.chair-stand-arms': '{count} stands, arms used (score 0)',
	'outcomes.result.tug': '{seconds} s',
	'outcomes.result.tug-device': '{seconds} s with {device}',
	'outcomes.result.balance': '{stage}, held {seconds} s',
	'outcomes.describe': '{test}: {result}',
	'outcomes.verdict.flag.chair_stand_30s': 'Below average (under {cutoff} for age and sex)',
	'outcomes.verdict.flag.tug': 'Fall risk ({cutoff} s or more)',
	'outcomes.verdict.flag.four_stage_balance': 'Fall risk (tandem held under {cutoff} s)',
	'outcomes.verdict.ok.chair_stand_30s': 'Average or better (cut-off {cutoff})',
	'outcomes.verdict.ok.tug': 'Under {cutoff} s',
	'outcomes.verdict.ok.four_stage_balance': 'Tandem held {cutoff} s',
	'outcomes.verdict.no-norm.age': 'No cut-off for this age (norms cover 60-94)',
	'outcomes.verdict.no-norm.sex': "No cut-off: sex not recorded on the participant's record",
	'outcomes.source.chair_stand_30s':
		'CDC STEADI 30-Second Chair Stand: 17-inch chair, arms crossed; arms used scores 0. Below-average counts by age and sex.',
	'outcomes.source.tug': 'CDC STEADI Timed Up and Go: 3 m walk; 12 s or more suggests a fall risk.',
	'outcomes.source.four_stage_balance':
		'CDC STEADI 4-Stage Balance Test: 10 s per stage, no aid, stop at the first failure; under 10 s in tandem suggests a fall risk.',
	'outcomes.count-whole': 'Count whole stands only.',
	'outcomes.count-range': 'Stands in 30 seconds are between 0 and 60.',
	'outcomes.tug-range': 'A Timed Up and Go takes between 1 and 300 seconds.',
	'outcomes.tug-tenths': 'Give seconds to one decimal place at most.',
	'outcomes.stage-range': 'Choose the stage the test ended in (1 to 4).',
	'outcomes.hold-range': 'Seconds held are between 0 and 10.'
};

export const outcomesEs: Record<keyof typeof outcomesEn, string> = {
	'outcomes.test.chair_stand_30s': 'Levantarse de la silla en 30 segundos',
	'outcomes.test.tug': 'Timed Up and Go',
	'outcomes.test.four_stage_balance': 'Equilibrio en 4 etapas',
	'outcomes.stage.1': 'Pies juntos',
	'outcomes.stage.2': 'Semitándem',
	'outcomes.stage.3': 'Tándem',
	'outcomes.stage.4': 'Sobre una pierna',
	'outcomes.sex.female': 'Mujer',
	'outcomes.sex.male': 'Hombre',
	'outcomes.sex.not_recorded': 'No registrado',
	'outcomes.result.chair-stand': '{count} veces',
	'outcomes.result.chair-stand-arms': '{count} veces, con los brazos (puntuación 0)',
	'outcomes.result.tug': '{seconds} s',
	'outcomes.result.tug-device': '{seconds} s con {device}',
	'outcomes.result.balance': '{stage}, {seconds} s',
	'outcomes.describe': '{test}: {result}',
	'outcomes.verdict.flag.chair_stand_30s':
		'Por debajo del promedio (menos de {cutoff} por edad y sexo)',
	'outcomes.verdict.flag.tug': 'Riesgo de caída ({cutoff} s o más)',
	'outcomes.verdict.flag.four_stage_balance': 'Riesgo de caída (tándem menos de {cutoff} s)',
	'outcomes.verdict.ok.chair_stand_30s': 'En el promedio o mejor (límite {cutoff})',
	'outcomes.verdict.ok.tug': 'Menos de {cutoff} s',
	'outcomes.verdict.ok.four_stage_balance': 'Tándem mantenido {cutoff} s',
	'outcomes.verdict.no-norm.age': 'Sin límite para esta edad (las normas cubren 60-94)',
	'outcomes.verdict.no-norm.sex': 'Sin límite: el sexo no consta en la ficha del participante',
	'outcomes.source.chair_stand_30s':
		'CDC STEADI, levantarse de la silla en 30 segundos: silla de 43 cm, brazos cruzados; usar los brazos puntúa 0. Valores por debajo del promedio según edad y sexo.',
	'outcomes.source.tug':
		'CDC STEADI, Timed Up and Go: 3 m de marcha; 12 s o más sugiere riesgo de caída.',
	'outcomes.source.four_stage_balance':
		'CDC STEADI, equilibrio en 4 etapas: 10 s por etapa, sin apoyo, se detiene al primer fallo; menos de 10 s en tándem sugiere riesgo de caída.',
	'outcomes.count-whole': 'Cuente solo levantadas completas.',
	'outcomes.count-range': 'Las levantadas en 30 segundos van de 0 a 60.',
	'outcomes.tug-range': 'Un Timed Up and Go dura entre 1 y 300 segundos.',
	'outcomes.tug-tenths': 'Indique los segundos con un decimal como máximo.',
	'outcomes.stage-range': 'Elija la etapa en la que terminó la prueba (1 a 4).',
	'outcomes.hold-range': 'Los segundos mantenidos van de 0 a 10.'
};
