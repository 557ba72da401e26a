/**
 * Server errors (`error(status, key)` in loads and actions; the error page words the key) and the
 * page that shows them. English first; Spanish the same keys.
 */
export const errorsEn = {
	'error.title': 'Error {status}',
	'error.not-found': 'Page not found',
	'error.unexpected': 'Something went wrong. Try again.',
	'error.coordinators-only': 'Only coordinators can open this page.',
	'error.sign-in-first': 'Sign in first',
	'error.unreadable-form': 'The form could not be read. Reload the page and try again.',
	'error.no-such-class': 'No such class in your clinic',
	'error.no-such-series': 'No such class series in your clinic',
	'error.no-such-participant': 'No such participant in your clinic',
	'error.no-such-language': 'No such language',
	'error.too-large': 'That is too large to send.',
	'error.back-to-today': 'Back to today'
};

export const errorsEs: Record<keyof typeof errorsEn, string> = {
	'error.title': 'Error {status}',
	'error.not-found': 'Página no encontrada',
	'error.unexpected': 'Algo salió mal. Inténtelo de nuevo.',
	'error.coordinators-only': 'Solo los coordinadores pueden abrir esta página.',
	'error.sign-in-first': 'Inicie sesión primero',
	'error.unreadable-form':
		'No se pudo leer el formulario. Recargue la página e inténtelo de nuevo.',
	'error.no-such-class': 'Esta clase no existe en su clínica',
	'error.no-such-series': 'Esta serie de clases no existe en su clínica',
	'error.no-such-participant': 'Este participante no existe en su clínica',
	'error.no-such-language': 'Este idioma no existe',
	'error.too-large': 'Es demasiado grande para enviarlo.',
	'error.back-to-today': 'Volver a hoy'
};
