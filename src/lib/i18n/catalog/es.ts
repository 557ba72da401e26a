import type { MessageKey } from './en';
import { domainEs } from './areas/domain';
import { errorsEs } from './areas/errors';
import { formsEs } from './areas/forms';
import { controllerEs } from './areas/controller';
import { entriesEs } from './areas/entries';
import { routinesEs } from './areas/routines';
import { scheduleEs } from './areas/schedule';
import { participantsEs } from './areas/participants';
import { settingsEs } from './areas/settings';
import { recordsEs } from './areas/records';
import { notesEs } from './areas/notes';
import { handoutsEs } from './areas/handouts';
import { exportsEs } from './areas/exports';
import { outcomesEs } from './areas/outcomes';
import { outcomeRecordsEs } from './areas/outcome-records';
import { outcomeCaptureEs } from './areas/outcome-capture';
import { reportsEs } from './areas/reports';
import { reportsSafetyOutcomesEs } from './areas/reports-safety-outcomes';

/** Spanish (neutral, formal "usted" for staff and participants alike). */
export const es: Record<MessageKey, string> = {
	// The wall display (src/routes/display)
	'display.title': 'Pantalla de Steady',
	'display.connecting': 'Conectando…',
	'display.sound-off': 'Sonido apagado',
	'display.tap-for-sound': 'Toque para activar el sonido',
	'display.full-screen': 'Pantalla completa',
	'display.class-complete': 'Clase terminada',
	'display.well-done': 'Muy bien, a todos.',
	'display.not-sent': 'No enviado: sin conexión',
	'display.hold-key-to-stop': 'Mantenga pulsada la tecla para detener la clase',
	'display.keep-holding': 'Siga pulsando para detener la clase',
	'display.paused': 'En pausa',
	'display.stop': 'ALTO',
	'display.stopped-by-staff': 'El personal detuvo la clase. Quédense donde están, por favor.',
	'display.this-display-is': 'Esta pantalla es',
	'display.no-more-classes': 'No hay más clases hoy.',
	'display.pair-title': 'Emparejar esta pantalla',
	'display.pair-how': 'En el teléfono de un técnico, abra {menu} e introduzca:',
	'display.pair-scan': 'o escanee el código con la cámara del teléfono.',
	'display.pair-getting': 'Obteniendo un código de emparejamiento…',
	'display.pair-menu': 'Emparejar una pantalla',
	'display.unnamed': 'sin nombre',
	'display.time-now': 'Hora actual',
	'display.next-class': 'Próxima clase: {name}, {when}',
	'display.elapsed-minutes': '{minutes} min',
	'display.elapsed-hours': '{hours} h {minutes} min',
	'display.next-name': 'Siguiente: {name}',
	'display.last-exercise': 'Último ejercicio',
	'display.ways-to-do-it': 'Formas de hacerlo',
	'display.time-left': 'Quedan {time}',
	'display.phase.warm_up': 'Calentamiento',
	'display.phase.main': 'Parte principal',
	'display.phase.cool_down': 'Vuelta a la calma',
	'display.segment.rest': 'Descanso',
	'display.segment.set-rest': 'Descanso entre series',
	'display.segment.switch-sides': 'Cambio de lado',
	'display.segment.get-ready': 'Prepárense',
	'display.tier.seated': 'Sentado',
	'display.tier.supported': 'Con apoyo',
	'display.tier.standing': 'De pie',
	'display.side.left': 'IZQUIERDA',
	'display.side.right': 'DERECHA',
	'display.reps-count': '{reps} veces',
	'display.reps': 'Repeticiones',
	'display.own-pace': 'A su propio ritmo',
	'display.hold-of': 'mantener {rep} de {reps}',
	'display.next-hold': 'siguiente: mantener {rep} de {reps}',
	'display.next-set': 'siguiente: serie {set} de {sets}',
	'display.set-of': 'Serie {set} de {sets}',
	'display.other-side': 'El mismo ejercicio, del otro lado.',
	'display.cue.go': '¡Ya!',
	'display.cue.halfway': 'A mitad',
	'display.cue.switch': 'Cambio de lado',
	'display.cue.rest': 'Descanso',
	'display.cue.next': 'Siguiente ejercicio',
	'display.cue.complete': 'Clase terminada',
	'display.key.pause': 'Pausa',
	'display.key.resume': 'Reanudar',
	'display.key.next': 'Siguiente ›',
	'display.key.back': '‹ Atrás',
	'display.key.done': 'Hecho ›',
	'display.key.stop': 'Detener',
	'display.hold-to-stop': 'Mantener para detener',
	'display.not-secure': 'No seguro: la pantalla puede apagarse',
	'display.not-secure-why': 'http sin cifrar: la pantalla puede apagarse durante una clase',
	'display.reconnecting': 'Reconectando',
	'display.switch-theme': 'Cambiar a claro u oscuro',
	'display.theme-light': 'Claro',
	'display.theme-dark': 'Oscuro',
	'display.pairing-code': 'Código de emparejamiento {code}',

	// Sign-in (routes/sign-in)
	'sign-in.title': 'Iniciar sesión · Steady',
	'sign-in.lead': 'Inicie sesión para dar las clases de hoy.',
	'sign-in.email': 'Correo electrónico',
	'sign-in.password': 'Contraseña',
	'sign-in.submit': 'Iniciar sesión',
	'sign-in.email-missing': 'Escriba su correo electrónico',
	'sign-in.email-invalid': 'Escriba un correo electrónico válido',
	'sign-in.password-missing': 'Escriba su contraseña',
	'sign-in.mismatch': 'Ese correo y esa contraseña no corresponden a ninguna cuenta.',
	'sign-in.wait':
		'Demasiados intentos fallidos. Vuelva a intentarlo en {seconds, plural, one {# segundo} other {# segundos}}.',

	// The staff pages' header (routes/(app)/+layout.svelte)
	'nav.main': 'Principal',
	'nav.skip-to-content': 'Saltar al contenido principal',
	'table.scrolls': 'Tabla (se desplaza hacia los lados)',
	'nav.today': 'Hoy',
	'nav.run-class': 'Dar una clase',
	'nav.schedule': 'Horario',
	'nav.routines': 'Rutinas',
	'nav.exercises': 'Ejercicios',
	'nav.participants': 'Participantes',
	'nav.rooms': 'Salas',
	'nav.settings': 'Ajustes',
	'nav.sign-out': 'Cerrar sesión',
	'role.technician': 'técnico',
	'role.therapist': 'terapeuta',
	'role.coordinator': 'coordinador',
	'account.language': 'Idioma',
	'account.language-browser': 'El de este navegador ({language})',
	'account.change-language': 'Cambiar idioma',

	// Today (routes/(app)/+page.svelte) and words shared by the staff pages
	'today.page-title': 'Hoy · Steady',
	'today.title': 'Hoy',
	'today.no-classes': 'No hay clases en esta sala hoy.',
	'today.routine': 'Rutina: {name}',
	'today.minutes': '{minutes} min',
	'today.enrolled': '{enrolled} de {capacity} inscritos',
	'room-kind.pool': 'Piscina',
	'room-kind.gym': 'Gimnasio',
	'class-status.scheduled': 'Programada',
	'class-status.live': 'En curso',
	'class-status.completed': 'Terminada',
	'class-status.cancelled': 'Cancelada',

	// Run a class (routes/(app)/control/+page.svelte)
	'control.page-title': 'Dar una clase · Steady',
	'control.running': 'En curso',
	'control.no-classes': 'No hay clases aquí hoy.',
	'control.displays': 'Pantallas',

	// The exercise form (routes/(app)/(coordinator)/exercises)
	'exercise-form.spanish': 'En español',
	'exercise-form.spanish-hint':
		'Para las clases en español: la pantalla muestra esto, y lo que quede en blanco, en inglés.',
	'exercise-form.name-es': 'Nombre en español',
	'exercise-form.cue-es': 'Indicación en pantalla en español',
	'exercise-form.notes-es': 'Notas para técnicos en español',

	// The class series form (schedule/series)
	'series.language': 'Idioma en la pantalla',
	'series.language-clinic': 'El de la clínica ({language})',
	'series.language-hint':
		'Lo que la pantalla muestra y dice durante estas clases. Los teléfonos conservan su propio idioma.',

	// Socket refusals (shared/refusals.ts): `refusal.` and the code the server sends
	'refusal.too-many-requests': 'Demasiadas solicitudes a la vez; espere un momento',
	'refusal.too-many-commands': 'Demasiadas órdenes a la vez; espere un momento',
	'refusal.too-many-identifies': 'Identifique una pantalla solo unas pocas veces seguidas',
	'refusal.too-many-pairing-codes':
		'Se pidieron demasiados códigos de emparejamiento; espere un minuto',
	'refusal.server-failed': 'El servidor no pudo hacerlo; inténtelo de nuevo',
	'refusal.unknown-event': 'Evento desconocido «{event}»',
	'refusal.invalid-payload':
		'{event} no válido: {problem}{field, select, none {} other { ({field})}}',
	'refusal.problem.not-an-id': 'no es un identificador válido',
	'refusal.unknown-code': 'Rechazado ({code})',
	'refusal.signed-out': 'Sesión cerrada: vuelva a iniciar sesión',
	'refusal.out-of-order': 'Orden {clientSeq} fuera de secuencia (la última fue {last})',
	'refusal.class-not-found': 'Esta clase no existe en su clínica',
	'refusal.class-not-in-room': 'Esta clase no es de esta sala',
	'refusal.class-cancelled': 'Esta clase se canceló',
	'refusal.class-completed': 'Esta clase ha terminado',
	'refusal.room-busy': '{className} está en curso en esta sala: termínela primero',
	'refusal.display-cannot': 'Una pantalla no puede hacer eso',
	'refusal.room-not-found': 'Esta sala no existe en su clínica',
	'refusal.too-early': 'Demasiado pronto: esta clase puede empezar de {from} a {until}',
	'refusal.too-late':
		'Demasiado tarde: esta clase podía empezar de {from} a {until}. Un coordinador puede moverla',
	'refusal.not-a-command': 'Esa no es una orden de clase',
	'refusal.class-ended': 'La clase ha terminado',
	'refusal.class-finished': 'La clase ha acabado',
	'refusal.class-not-started': 'La clase no ha empezado',
	'refusal.routine-empty': 'La rutina no tiene bloques',
	'refusal.already-started': 'La clase ya ha empezado',
	'refusal.already-paused': 'La clase ya está en pausa',
	'refusal.class-stopped': 'La clase está detenida',
	'refusal.already-running': 'La clase ya está en marcha',
	'refusal.already-stopped': 'La clase ya está detenida',
	'refusal.resume-first': 'La clase está detenida; reanúdela primero',
	'refusal.block-not-in-routine': 'Ese bloque no está en esta rutina',
	'refusal.done-needs-reps': '«Hecho» solo sirve para un ejercicio de repeticiones',
	'refusal.extend-out-of-range':
		'Alargue un número entero de segundos, de -600 a 600, distinto de 0',
	'refusal.nothing-to-extend': 'No hay nada que alargar',
	'refusal.reps-wait-for-done': 'Un ejercicio de repeticiones espera a «Hecho»',
	'refusal.pool-check-missing': 'Registre la revisión de la piscina antes de empezar',
	'refusal.pool-display-missing': 'Encienda una pantalla en la piscina antes de empezar',
	'refusal.headcount-in-unmarked':
		'Recuento de entrada: marque la asistencia de {count} más ({names})',
	'refusal.headcount-in-empty': 'Recuento de entrada: nadie está marcado como presente',
	'refusal.headcount-out-missing':
		'Cuente primero a todos al salir de la piscina ({here} en la clase)',
	'refusal.headcount-out-mismatch':
		'El recuento de salida, {out}, no coincide con los {here} de la clase: revise la piscina',
	'refusal.headcount-out-pool-only': 'El recuento de salida es para clases en piscina',
	'refusal.display-already-paired': 'Esta pantalla ya está emparejada',
	'refusal.not-paired-yet': 'Aún no está emparejada',
	'refusal.pair-first': 'Empareje primero esta pantalla',
	'refusal.pair-again': 'Vuelva a emparejar esta pantalla',
	'refusal.display-removed': 'Esta pantalla se quitó: vuelva a emparejarla',
	'refusal.clicker-off': 'El control por mando está desactivado en esta sala',
	'refusal.no-live-class': 'No hay ninguna clase en curso en esta sala',
	'refusal.display-not-found': 'Esta pantalla no existe en su clínica',
	'refusal.entry-id-used': 'Ese identificador de registro ya se usó',
	'refusal.entries-cancelled': 'Esta clase se canceló: los registros están cerrados',
	'refusal.entries-closed':
		'Esta clase terminó hace más de {hours} horas: los registros están cerrados',
	'refusal.entries-not-open': 'Esta clase no ha empezado: los registros se abren a las {opens}',
	'refusal.entries-never-started': 'Esta clase nunca empezó: los registros están cerrados',
	'refusal.phone-clock-wrong': 'El reloj del teléfono no es correcto: revise su fecha y hora',
	'refusal.replaced-entry-missing': 'El registro al que sustituye este aún no ha llegado',
	'refusal.participant-not-in-class': 'Ese participante no está en esta clase',
	'refusal.sit-out-alert-missing': 'La alerta a la que responde este descanso aún no ha llegado',
	'refusal.action-id-used': 'Ese identificador de acción ya se usó',
	'refusal.alert-not-found': 'Esta alerta no existe en esta clase',
	'refusal.participant-not-found': 'Este participante no existe',
	'refusal.note-signed': 'Nota firmada: añada una adenda',
	...domainEs,
	...errorsEs,
	...formsEs,
	...controllerEs,
	...entriesEs,
	...routinesEs,
	...scheduleEs,
	...participantsEs,
	...settingsEs,
	...recordsEs,
	...notesEs,
	...handoutsEs,
	...exportsEs,
	...outcomesEs,
	...outcomeRecordsEs,
	...outcomeCaptureEs,
	...reportsEs,
	...reportsSafetyOutcomesEs
};
