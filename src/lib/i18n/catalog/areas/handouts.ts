/**
 * Handouts from a class (issue 13): the sheet's own additions, the PDF, the QR code handed over
 * in class, and its links. English first; Spanish must have the same keys (the type says so).
 */
export const handoutsEn = {
	// On the sheet (in the participant's language)
	'handouts.class-of': 'From your class on {date}',
	'handouts.your-way': 'Your way: {tier}',
	'handouts.tier-cue': '{tier}: {cue}',
	'handouts.picture': 'Picture: {name}',
	'handouts.call-clinic':
		'If a symptom does not pass with rest, or you are unsure, stop and call the clinic.',
	'handouts.emergency':
		'Chest pain, fainting or breathlessness that does not ease: call emergency services now.',
	'handouts.contact-title': 'How to reach the clinic',
	'handouts.pdf': 'Download PDF',
	'handouts.pdf-title': 'Home exercises',
	'handouts.page-of': 'Page {page} of {pages}',
	// The links section (staff, in their own language)
	'handouts.links-title': 'Handout links',
	'handouts.links-none': 'No handout link is open.',
	'handouts.links-loading': 'Loading handout links…',
	'handouts.links-failed': 'The handout links could not be loaded.',
	'handouts.link-made': 'Made by {name} on {created}',
	'handouts.link-class': 'Class of {date}',
	'handouts.link-expires': 'Opens until {date}',
	'handouts.revoke': 'Revoke',
	'handouts.revoke-name': 'Revoke the link made by {name} on {created}',
	'handouts.revoked': 'Link revoked: it opens nothing any more.',
	// The QR code on the phone
	'handouts.qr-button': 'Handout QR',
	'handouts.qr-title': 'Home exercises for {name}',
	'handouts.qr-making': 'Making the link…',
	'handouts.qr-failed': 'The link could not be made. Try again.',
	'handouts.qr-scan': 'Scan with the phone’s camera. It opens the handout for 7 days.',
	'handouts.qr-image': 'QR code of the handout link',
	'handouts.qr-link': 'Link',
	'handouts.qr-expires': 'Opens until {date}',
	'handouts.close': 'Close',
	'handouts.open-print': 'Open the handout to print it',
	// The public page
	'handouts.public-title': 'Your home exercises · {clinic}',
	'handouts.too-many': 'Too many tries. Wait a while and scan the code again.'
};

export const handoutsEs: Record<keyof typeof handoutsEn, string> = {
	'handouts.class-of': 'De su clase del {date}',
	'handouts.your-way': 'Su forma: {tier}',
	'handouts.tier-cue': '{tier}: {cue}',
	'handouts.picture': 'Imagen: {name}',
	'handouts.call-clinic':
		'Si un síntoma no pasa con el descanso, o tiene dudas, pare y llame a la clínica.',
	'handouts.emergency':
		'Dolor en el pecho, desmayo o falta de aire que no cede: llame a emergencias ahora.',
	'handouts.contact-title': 'Cómo contactar con la clínica',
	'handouts.pdf': 'Descargar PDF',
	'handouts.pdf-title': 'Ejercicios para casa',
	'handouts.page-of': 'Página {page} de {pages}',
	'handouts.links-title': 'Enlaces de la hoja',
	'handouts.links-none': 'No hay ningún enlace abierto.',
	'handouts.links-loading': 'Cargando los enlaces…',
	'handouts.links-failed': 'No se pudieron cargar los enlaces.',
	'handouts.link-made': 'Creado por {name} el {created}',
	'handouts.link-class': 'Clase del {date}',
	'handouts.link-expires': 'Abre hasta el {date}',
	'handouts.revoke': 'Revocar',
	'handouts.revoke-name': 'Revocar el enlace creado por {name} el {created}',
	'handouts.revoked': 'Enlace revocado: ya no abre nada.',
	'handouts.qr-button': 'QR de la hoja',
	'handouts.qr-title': 'Ejercicios para casa de {name}',
	'handouts.qr-making': 'Creando el enlace…',
	'handouts.qr-failed': 'No se pudo crear el enlace. Inténtelo de nuevo.',
	'handouts.qr-scan': 'Escanee con la cámara del teléfono. Abre la hoja durante 7 días.',
	'handouts.qr-image': 'Código QR del enlace de la hoja',
	'handouts.qr-link': 'Enlace',
	'handouts.qr-expires': 'Abre hasta el {date}',
	'handouts.close': 'Cerrar',
	'handouts.open-print': 'Abrir la hoja para imprimirla',
	'handouts.public-title': 'Sus ejercicios para casa · {clinic}',
	'handouts.too-many': 'Demasiados intentos. Espere un rato y escanee el código otra vez.'
};
