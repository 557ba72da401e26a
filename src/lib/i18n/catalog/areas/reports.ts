/**
 * Reports (issue 14): the reports' index and filter, the charts' shared words, the attendance and
 * tolerance reports. English first; Spanish must have the same keys (the type says so).
 */
export const reportsEn = {
	'reports.nav': 'Reports',
	'reports.page-title': 'Reports · Steady',
	'reports.report-page-title': '{title} · Reports · Steady',
	'reports.title': 'Reports',
	'reports.lead':
		'Figures over time for the clinic, each chart with its numbers beside it. Every report can be filtered and downloaded as CSV.',
	'reports.attendance.title': 'Attendance',
	'reports.attendance.lead':
		'Attendance rate per class series and per participant by week, no-shows and late cancellations, waitlist demand, classes below capacity.',
	'reports.tolerance.title': 'Tolerance',
	'reports.tolerance.lead':
		"A participant's exertion and pain across classes against the target range, and who to review.",
	'reports.safety.title': 'Safety',
	'reports.safety.lead':
		'Adverse events and STOP/HOLD findings by week, by type and by block of the routine; days since the last serious event.',
	'reports.outcomes.title': 'Outcomes',
	'reports.outcomes.lead':
		"Participants' outcome tests over time against the cut-offs, and the share who improved.",
	'reports.filter.from': 'From',
	'reports.filter.to': 'To',
	'reports.filter.room': 'Room',
	'reports.filter.series': 'Class series',
	'reports.filter.technician': 'Technician',
	'reports.filter.any-room': 'Any room',
	'reports.filter.any-series': 'Any series',
	'reports.filter.any-technician': 'Anyone',
	'reports.filter.show': 'Show report',
	'reports.download-csv': 'Download as CSV',
	'reports.back': 'All reports',
	'reports.week-of': 'Week of {date}',
	'reports.week': 'Week',
	'reports.percent': '{value} %',
	'reports.no-data': 'No completed classes with records in this range.',
	'reports.participant': 'Participant',
	'reports.class': 'Class',
	'reports.still-waiting': 'Still waiting',
	'reports.attendance.one-off': 'One-off classes',
	'reports.attendance.definitions': 'How these are counted',
	'reports.attendance.define-counted':
		'Only completed classes count. A participant has a place in a class through their series enrollment (made, or promoted from the waitlist, before the class started) or a booking or walk-in for that class; anyone marked without a place has one too. Their latest current attendance mark counts (an edited or withdrawn mark does not).',
	'reports.attendance.define-rate':
		'Attendance rate: places marked present, late or left early, out of the places expected (every place except cancellations in time).',
	'reports.attendance.define-no-show': 'No-show: marked absent, or a place with no mark at all.',
	'reports.attendance.define-late':
		'Late cancellation: marked excused less than 24 hours before the class started (or afterwards). Excused 24 hours or more before is a cancellation in time: that place is not expected.',
	'reports.attendance.define-waitlist':
		'Waitlist: places still waiting (put on the list before the range ended) and places promoted from the list during the range, in the series of the classes shown; days waited run to the promotion, or to now.',
	'reports.attendance.rate-heading': 'Attendance rate per class series',
	'reports.attendance.rate-description':
		'A line per class series: the share of expected places attended, week by week.',
	'reports.attendance.rate-table': 'Attendance rate per week and series',
	'reports.attendance.rate-axis': 'Attended (%)',
	'reports.attendance.misses-heading': 'No-shows and late cancellations',
	'reports.attendance.misses-description':
		'Per week, all series together: places with no-shows beside places cancelled late.',
	'reports.attendance.misses-table': 'No-shows and late cancellations per week',
	'reports.attendance.places-axis': 'Places',
	'reports.attendance.no-shows': 'No-shows',
	'reports.attendance.late-cancellations': 'Late cancellations',
	'reports.attendance.demand-heading': 'Waitlist demand per series',
	'reports.attendance.demand-description':
		'Per class series: people still waiting for a place, beside people promoted from the waitlist in this range.',
	'reports.attendance.demand-table': 'Waitlist per series',
	'reports.attendance.people-axis': 'People',
	'reports.attendance.waiting': 'Waiting now',
	'reports.attendance.promoted': 'Promoted',
	'reports.attendance.no-waitlist': 'Nobody waited for a place in this range.',
	'reports.attendance.waiters-heading': 'Who waited, and how long',
	'reports.attendance.waited-since': 'On the list since',
	'reports.attendance.promoted-on': 'Promoted',
	'reports.attendance.days-waited': 'Days waited',
	'reports.attendance.people-heading': 'Attendance per participant by week',
	'reports.attendance.people-lead': 'Each cell: places attended of places expected that week.',
	'reports.attendance.of': '{attended} of {expected}',
	'reports.attendance.capacity-heading': 'Classes below capacity',
	'reports.attendance.expected': 'Expected',
	'reports.attendance.attended': 'Attended',
	'reports.attendance.capacity': 'Places',
	'reports.attendance.none-below': 'Every completed class was full.',
	'reports.tolerance.review-heading': 'For review',
	'reports.tolerance.define-pain':
		'Pain rose: in their latest class with a pain rating, the pain was 2 or more above the lowest of their previous three classes with one.',
	'reports.tolerance.define-hold':
		'HOLD twice: a HOLD finding in two of their classes in a row (the classes with any record of theirs).',
	'reports.tolerance.why': 'Why',
	'reports.tolerance.pain-rose': 'Pain rose from {lowest} to {pain}',
	'reports.tolerance.hold-twice': 'HOLD here and at the class before ({before})',
	'reports.tolerance.nobody': 'Nobody to review in this range.',
	'reports.tolerance.of': '{name} across classes',
	'reports.tolerance.exertion-heading.borg_6_20': 'Exertion (Borg RPE 6–20): {name}',
	'reports.tolerance.exertion-heading.borg_cr10': 'Exertion (Borg CR10): {name}',
	'reports.tolerance.exertion-axis.borg_6_20': 'Borg RPE (6–20)',
	'reports.tolerance.exertion-axis.borg_cr10': 'Borg CR10 (0–10)',
	'reports.tolerance.exertion-description':
		'The highest exertion rating in each class, against the shaded target range {from}–{to}.',
	'reports.tolerance.target': 'Target {from}–{to}',
	'reports.tolerance.target-source':
		'Target range: Steady has no clinic setting for it yet, so it is the usual one for older adults: Borg RPE 12–13 ("somewhat hard") for resistance work, and Borg CR10 3–4 ("moderate" to "somewhat severe").',
	'reports.tolerance.pain-heading': 'Pain (0–10): {name}',
	'reports.tolerance.highest-exertion': 'Highest exertion',
	'reports.tolerance.highest-pain': 'Highest pain',
	'reports.tolerance.pain-axis': 'Pain (0–10)',
	'reports.tolerance.pain-description':
		'The highest pain rating in each class, 0 no pain to 10 the worst imaginable.'
};

export const reportsEs: Record<keyof typeof reportsEn, string> = {
	'reports.nav': 'Informes',
	'reports.page-title': 'Informes · Steady',
	'reports.report-page-title': '{title} · Informes · Steady',
	'reports.title': 'Informes',
	'reports.lead':
		'Cifras de la clínica a lo largo del tiempo, cada gráfico con sus números al lado. Cada informe se puede filtrar y descargar en CSV.',
	'reports.attendance.title': 'Asistencia',
	'reports.attendance.lead':
		'Tasa de asistencia por serie de clases y por participante cada semana, ausencias sin aviso y cancelaciones tardías, demanda de lista de espera, clases por debajo del cupo.',
	'reports.tolerance.title': 'Tolerancia',
	'reports.tolerance.lead':
		'El esfuerzo y el dolor de un participante clase a clase frente al rango objetivo, y a quién revisar.',
	'reports.safety.title': 'Seguridad',
	'reports.safety.lead':
		'Eventos adversos y hallazgos STOP/HOLD por semana, por tipo y por bloque de la rutina; días desde el último evento grave.',
	'reports.outcomes.title': 'Resultados',
	'reports.outcomes.lead':
		'Las pruebas de resultado de los participantes a lo largo del tiempo frente a los límites, y la proporción que mejoró.',
	'reports.filter.from': 'Desde',
	'reports.filter.to': 'Hasta',
	'reports.filter.room': 'Sala',
	'reports.filter.series': 'Serie de clases',
	'reports.filter.technician': 'Técnico',
	'reports.filter.any-room': 'Cualquier sala',
	'reports.filter.any-series': 'Cualquier serie',
	'reports.filter.any-technician': 'Cualquiera',
	'reports.filter.show': 'Ver informe',
	'reports.download-csv': 'Descargar en CSV',
	'reports.back': 'Todos los informes',
	'reports.week-of': 'Semana del {date}',
	'reports.week': 'Semana',
	'reports.percent': '{value} %',
	'reports.no-data': 'No hay clases terminadas con registros en este periodo.',
	'reports.participant': 'Participante',
	'reports.class': 'Clase',
	'reports.still-waiting': 'Sigue esperando',
	'reports.attendance.one-off': 'Clases sueltas',
	'reports.attendance.definitions': 'Cómo se cuentan',
	'reports.attendance.define-counted':
		'Solo cuentan las clases terminadas. Un participante tiene plaza en una clase por su inscripción en la serie (hecha, o ascendida desde la lista de espera, antes de empezar la clase) o por una reserva o asistencia sin cita a esa clase; quien fue marcado sin plaza también la tiene. Cuenta su última marca de asistencia vigente (una marca corregida o retirada no cuenta).',
	'reports.attendance.define-rate':
		'Tasa de asistencia: plazas marcadas presente, tarde o se fue antes, sobre las plazas esperadas (todas salvo las cancelaciones a tiempo).',
	'reports.attendance.define-no-show':
		'Ausencia sin aviso: marcada ausente, o una plaza sin ninguna marca.',
	'reports.attendance.define-late':
		'Cancelación tardía: marcada justificada menos de 24 horas antes de empezar la clase (o después). Justificada 24 horas antes o más es una cancelación a tiempo: esa plaza no se espera.',
	'reports.attendance.define-waitlist':
		'Lista de espera: plazas que siguen esperando (apuntadas antes del final del periodo) y plazas ascendidas desde la lista durante el periodo, en las series de las clases mostradas; los días de espera llegan hasta el ascenso, o hasta ahora.',
	'reports.attendance.rate-heading': 'Tasa de asistencia por serie de clases',
	'reports.attendance.rate-description':
		'Una línea por serie de clases: la proporción de plazas esperadas que asistieron, semana a semana.',
	'reports.attendance.rate-table': 'Tasa de asistencia por semana y serie',
	'reports.attendance.rate-axis': 'Asistencia (%)',
	'reports.attendance.misses-heading': 'Ausencias sin aviso y cancelaciones tardías',
	'reports.attendance.misses-description':
		'Por semana, todas las series juntas: plazas con ausencia sin aviso junto a plazas canceladas tarde.',
	'reports.attendance.misses-table': 'Ausencias sin aviso y cancelaciones tardías por semana',
	'reports.attendance.places-axis': 'Plazas',
	'reports.attendance.no-shows': 'Ausencias sin aviso',
	'reports.attendance.late-cancellations': 'Cancelaciones tardías',
	'reports.attendance.demand-heading': 'Demanda de lista de espera por serie',
	'reports.attendance.demand-description':
		'Por serie de clases: personas que siguen esperando plaza, junto a las ascendidas desde la lista en este periodo.',
	'reports.attendance.demand-table': 'Lista de espera por serie',
	'reports.attendance.people-axis': 'Personas',
	'reports.attendance.waiting': 'Esperando ahora',
	'reports.attendance.promoted': 'Ascendidas',
	'reports.attendance.no-waitlist': 'Nadie esperó plaza en este periodo.',
	'reports.attendance.waiters-heading': 'Quién esperó, y cuánto',
	'reports.attendance.waited-since': 'En la lista desde',
	'reports.attendance.promoted-on': 'Ascendida',
	'reports.attendance.days-waited': 'Días de espera',
	'reports.attendance.people-heading': 'Asistencia por participante y semana',
	'reports.attendance.people-lead':
		'Cada celda: plazas asistidas de las plazas esperadas esa semana.',
	'reports.attendance.of': '{attended} de {expected}',
	'reports.attendance.capacity-heading': 'Clases por debajo del cupo',
	'reports.attendance.expected': 'Esperadas',
	'reports.attendance.attended': 'Asistieron',
	'reports.attendance.capacity': 'Plazas',
	'reports.attendance.none-below': 'Todas las clases terminadas estuvieron llenas.',
	'reports.tolerance.review-heading': 'Para revisar',
	'reports.tolerance.define-pain':
		'El dolor subió: en su última clase con valoración de dolor, el dolor fue 2 o más por encima del más bajo de sus tres clases anteriores con valoración.',
	'reports.tolerance.define-hold':
		'HOLD dos veces: un hallazgo HOLD en dos de sus clases seguidas (las clases con algún registro suyo).',
	'reports.tolerance.why': 'Motivo',
	'reports.tolerance.pain-rose': 'El dolor subió de {lowest} a {pain}',
	'reports.tolerance.hold-twice': 'HOLD aquí y en la clase anterior ({before})',
	'reports.tolerance.nobody': 'Nadie que revisar en este periodo.',
	'reports.tolerance.of': '{name} clase a clase',
	'reports.tolerance.exertion-heading.borg_6_20': 'Esfuerzo (Borg RPE 6–20): {name}',
	'reports.tolerance.exertion-heading.borg_cr10': 'Esfuerzo (Borg CR10): {name}',
	'reports.tolerance.exertion-axis.borg_6_20': 'Borg RPE (6–20)',
	'reports.tolerance.exertion-axis.borg_cr10': 'Borg CR10 (0–10)',
	'reports.tolerance.exertion-description':
		'La valoración de esfuerzo más alta de cada clase, frente al rango objetivo sombreado {from}–{to}.',
	'reports.tolerance.target': 'Objetivo {from}–{to}',
	'reports.tolerance.target-source':
		'Rango objetivo: Steady aún no tiene un ajuste de la clínica para él, así que es el habitual en adultos mayores: Borg RPE 12–13 («algo duro») para trabajo de fuerza, y Borg CR10 3–4 («moderado» a «algo severo»).',
	'reports.tolerance.pain-heading': 'Dolor (0–10): {name}',
	'reports.tolerance.highest-exertion': 'Esfuerzo más alto',
	'reports.tolerance.highest-pain': 'Dolor más alto',
	'reports.tolerance.pain-axis': 'Dolor (0–10)',
	'reports.tolerance.pain-description':
		'La valoración de dolor más alta de cada clase, de 0 sin dolor a 10 el peor imaginable.'
};
