import type { ClinicIds } from './two-clinics';

/**
 * Who may use each route, page action and endpoint method. tests/e2e/authorization-matrix.spec.ts
 * compares this table with the route tree on disk: a route, action or method missing here fails
 * the test by name, so nothing new ships without someone deciding who may use it.
 *
 * public: anyone, signed in or not. staff: any signed-in technician or coordinator.
 * coordinator: coordinators only (a technician gets 403, for actions too).
 */
export type Access = 'public' | 'staff' | 'coordinator';

export type ActionRule = {
	access: Access;
	/** What the form posts. Clinic A's ids where the form names a row. */
	body?: (ids: ClinicIds, role: string) => Record<string, string>;
	/** The body names a row of clinic A: the other clinic's coordinator gets 404. */
	foreignBody?: true;
	/** Only tried signed out: signed in, it would end the session the other checks use. */
	signedOutOnly?: true;
	/** Where "allowed" means exactly these statuses (e.g. sign-out's redirect to sign-in). */
	answers?: number[];
};

export type RouteRule = {
	/** The route's URL, with clinic A's rows for its parameters. */
	path: (ids: ClinicIds) => string;
	/** Who may GET the page or the endpoint. */
	get?: Access;
	/** Page form actions by name (`default` for an unnamed one). */
	actions?: Record<string, ActionRule>;
	/** Endpoint methods other than GET. */
	methods?: Record<string, ActionRule>;
	/** The path names a row of clinic A: the other clinic's coordinator gets 404, GET and POST. */
	owned?: true;
};

const coordinator = { access: 'coordinator' } as const;
const staff = { access: 'staff' } as const;

export const RULES: Record<string, RouteRule> = {
	'/(app)': { path: () => '/', get: 'staff' },

	'/(app)/(coordinator)/exercises': { path: () => '/exercises', get: 'coordinator' },
	'/(app)/(coordinator)/exercises/new': {
		path: () => '/exercises/new',
		get: 'coordinator',
		actions: { save: coordinator }
	},
	'/(app)/(coordinator)/exercises/[id=uuid]': {
		path: (ids) => `/exercises/${ids.exerciseId}`,
		get: 'coordinator',
		owned: true,
		// The exercise is used by a routine: its own coordinator's "delete" is refused (409).
		actions: { save: coordinator, archive: coordinator, restore: coordinator, delete: coordinator }
	},

	// Issue 13, exports: the page and its two download endpoints (a day's range; any clinic's own).
	// Issue 14, reports (helper H2's part): the reports' index, the attendance and tolerance
	// reports and their CSV downloads (GET only; a clinic's own rows, named by the filter).
	'/(app)/(coordinator)/reports': { path: () => '/reports', get: 'coordinator' },
	'/(app)/(coordinator)/reports/attendance': {
		path: () => '/reports/attendance',
		get: 'coordinator'
	},
	'/(app)/(coordinator)/reports/attendance/csv': {
		path: () => '/reports/attendance/csv?from=2026-01-05&to=2026-01-05',
		get: 'coordinator'
	},
	'/(app)/(coordinator)/reports/tolerance': {
		path: () => '/reports/tolerance',
		get: 'coordinator'
	},
	'/(app)/(coordinator)/reports/tolerance/csv': {
		path: () => '/reports/tolerance/csv?from=2026-01-05&to=2026-01-05',
		get: 'coordinator'
	},

	'/(app)/(coordinator)/exports': { path: () => '/exports', get: 'coordinator' },
	'/(app)/(coordinator)/exports/csv': {
		path: () => '/exports/csv?file=attendance&from=2026-01-05&to=2026-01-05',
		get: 'coordinator'
	},
	'/(app)/(coordinator)/exports/fhir': {
		path: () => '/exports/fhir?scope=range&from=2026-01-05&to=2026-01-05',
		get: 'coordinator'
	},

	// Issue 14, the safety and outcomes reports (helper H4): two pages and their CSV downloads.
	// The outcomes page names a participant: another clinic's coordinator gets 404 for it.
	'/(app)/(coordinator)/reports/safety': {
		path: () => '/reports/safety?from=2026-01-05&to=2026-01-05',
		get: 'coordinator'
	},
	'/(app)/(coordinator)/reports/safety/csv': {
		path: () => '/reports/safety/csv?from=2026-01-05&to=2026-01-05',
		get: 'coordinator'
	},
	'/(app)/(coordinator)/reports/outcomes': {
		path: (ids) => `/reports/outcomes?participantId=${ids.participantId}`,
		get: 'coordinator',
		owned: true
	},
	'/(app)/(coordinator)/reports/outcomes/csv': {
		path: (ids) => `/reports/outcomes/csv?participantId=${ids.participantId}`,
		get: 'coordinator',
		owned: true
	},

	'/(app)/(coordinator)/participants': { path: () => '/participants', get: 'coordinator' },
	'/(app)/(coordinator)/participants/new': {
		path: () => '/participants/new',
		get: 'coordinator',
		actions: { save: coordinator }
	},
	'/(app)/(coordinator)/participants/[participantId=uuid]': {
		path: (ids) => `/participants/${ids.participantId}`,
		get: 'coordinator',
		owned: true,
		actions: {
			save: coordinator,
			archive: coordinator,
			restore: coordinator,
			enroll: { access: 'coordinator', body: (ids) => ({ seriesId: ids.seriesId }) },
			cancel: { access: 'coordinator', body: (ids) => ({ seriesId: ids.seriesId }) },
			// Records (issue 13): an empty form is refused by its check; an unknown id is gone (409).
			addIdentifier: coordinator,
			removeIdentifier: {
				access: 'coordinator',
				body: () => ({ identifierId: '00000000-0000-4000-8000-000000000000' })
			}
		}
	},
	'/(app)/(coordinator)/participants/[participantId=uuid]/audit': {
		path: (ids) => `/participants/${ids.participantId}/audit`,
		get: 'coordinator',
		owned: true
	},

	'/(app)/(coordinator)/rooms': {
		path: () => '/rooms',
		get: 'coordinator',
		actions: {
			save: { access: 'coordinator', body: (ids) => ({ id: ids.roomId }), foreignBody: true },
			// The room has classes: its own coordinator is refused (409), another clinic's gets 404.
			archive: { access: 'coordinator', body: (ids) => ({ id: ids.roomId }), foreignBody: true }
		}
	},

	'/(app)/(coordinator)/routines': {
		path: () => '/routines',
		get: 'coordinator',
		actions: {
			create: coordinator,
			archive: { access: 'coordinator', body: (ids) => ({ id: ids.routineId }), foreignBody: true },
			restore: { access: 'coordinator', body: (ids) => ({ id: ids.routineId }), foreignBody: true }
		}
	},
	'/(app)/(coordinator)/routines/[id=uuid]': {
		path: (ids) => `/routines/${ids.routineId}`,
		get: 'coordinator',
		owned: true,
		actions: { save: coordinator, edit: coordinator }
	},

	'/(app)/(coordinator)/schedule': { path: () => '/schedule', get: 'coordinator' },
	'/(app)/(coordinator)/schedule/series': { path: () => '/schedule/series', get: 'coordinator' },
	'/(app)/(coordinator)/schedule/series/new': {
		path: () => '/schedule/series/new',
		get: 'coordinator',
		actions: { save: coordinator }
	},
	'/(app)/(coordinator)/schedule/series/[seriesId=uuid]': {
		path: (ids) => `/schedule/series/${ids.seriesId}`,
		get: 'coordinator',
		owned: true,
		actions: {
			save: coordinator,
			// Before archive: an ended series takes no enrolments.
			enrolSelected: {
				access: 'coordinator',
				body: (ids) => ({ participantId: ids.participantId })
			},
			enroll: { access: 'coordinator', body: (ids) => ({ participantId: ids.participantId }) },
			archive: coordinator
		}
	},
	'/(app)/(coordinator)/schedule/sessions/[sessionId=uuid]': {
		path: (ids) => `/schedule/sessions/${ids.sessionId}`,
		get: 'coordinator',
		owned: true,
		actions: {
			enroll: { access: 'coordinator', body: (ids) => ({ participantId: ids.participantId }) },
			cancel: { access: 'coordinator', body: (ids) => ({ participantId: ids.participantId }) },
			reopen: { access: 'coordinator', body: () => ({ reason: 'Started by mistake' }) },
			// No reason: refused by its form check, so the matrix cancels nothing.
			cancelClass: coordinator
		}
	},
	'/(app)/(coordinator)/schedule/sessions/[sessionId=uuid]/change': {
		path: (ids) => `/schedule/sessions/${ids.sessionId}/change`,
		get: 'coordinator',
		owned: true,
		actions: { cancel: coordinator, move: coordinator }
	},
	'/(app)/(coordinator)/schedule/sessions/[sessionId=uuid]/audit': {
		path: (ids) => `/schedule/sessions/${ids.sessionId}/audit`,
		get: 'coordinator',
		owned: true
	},

	'/(app)/(coordinator)/settings': {
		path: () => '/settings',
		get: 'coordinator',
		actions: {
			save: coordinator,
			reset: coordinator,
			scale: coordinator,
			poolRanges: coordinator,
			staffRatios: coordinator,
			resetPoolRanges: coordinator,
			classWindows: coordinator,
			records: coordinator
		}
	},

	'/(app)/(coordinator)/settings/class-types': {
		path: () => '/settings/class-types',
		get: 'coordinator',
		actions: {
			add: coordinator,
			rename: coordinator,
			archive: coordinator,
			restore: coordinator
		}
	},

	'/(app)/handouts/[participantId=uuid]': {
		path: (ids) => `/handouts/${ids.participantId}`,
		get: 'staff',
		owned: true
	},
	// Class notes: the lead (the demo technician) and therapists write; coordinators read. The
	// actions read the class before the form, so another clinic gets 404 whatever it posts.
	'/(app)/records': { path: () => '/records', get: 'staff' },
	'/(app)/records/[sessionId=uuid]': {
		path: (ids) => `/records/${ids.sessionId}`,
		get: 'staff',
		owned: true,
		actions: { save: staff, sign: staff, cosign: staff, addendum: staff }
	},
	// Issue 13: the handout's PDF, its links (made on the phone in class), and revoking one.
	'/(app)/handouts/[participantId=uuid]/pdf': {
		path: (ids) => `/handouts/${ids.participantId}/pdf?session=${ids.handoutSessionId}`,
		get: 'staff',
		owned: true
	},
	'/(app)/handouts/[participantId=uuid]/links': {
		path: (ids) => `/handouts/${ids.participantId}/links`,
		get: 'staff',
		owned: true,
		methods: { POST: { access: 'staff', body: (ids) => ({ sessionId: ids.handoutSessionId }) } }
	},
	// No link named: the others' 400 still shows they were let in; another clinic's is a 404.
	'/(app)/handouts/[participantId=uuid]/links/revoke': {
		path: (ids) => `/handouts/${ids.participantId}/links/revoke`,
		owned: true,
		methods: { POST: staff }
	},
	'/(app)/control': { path: () => '/control', get: 'staff' },
	'/(app)/control/[sessionId=uuid]': {
		path: (ids) => `/control/${ids.sessionId}`,
		get: 'staff',
		owned: true,
		actions: { poolCheck: staff }
	},
	'/(app)/control/displays': {
		path: () => '/control/displays',
		get: 'staff',
		actions: {
			// Before "revoke", which removes the display they name (a removed one is not found).
			rename: {
				access: 'staff',
				body: (ids, role) => ({
					displayId: ids.displayIds[role === 'coordinator' ? 1 : 0],
					name: `Renamed by ${role}`
				}),
				foreignBody: true
			},
			identify: {
				access: 'staff',
				body: (ids, role) => ({ displayId: ids.displayIds[role === 'coordinator' ? 1 : 0] }),
				foreignBody: true
			},
			revoke: {
				access: 'staff',
				// The technician removes the first display; clinic A's coordinator the second.
				body: (ids, role) => ({ displayId: ids.displayIds[role === 'coordinator' ? 1 : 0] }),
				foreignBody: true
			}
		}
	},
	// Another clinic's room in the form is refused like any wrong choice (400).
	'/(app)/control/pair': { path: () => '/control/pair', get: 'staff', actions: { default: staff } },

	'/display': { path: () => '/display', get: 'public' },
	'/healthz': { path: () => '/healthz', get: 'public' },
	// Public on purpose: the wall display has no staff sign-in; the random name is the key.
	'/media/[file=media_file]': { path: (ids) => `/media/${ids.mediaFile}`, get: 'public' },
	// Public on purpose: a handout handed over in class opens from its QR code; the token is the key.
	'/h/[token=handout_token]': { path: (ids) => `/h/${ids.handoutToken}`, get: 'public' },
	'/routine-preview': { path: () => '/routine-preview', get: 'coordinator' },
	'/sign-in': { path: () => '/sign-in', get: 'public', actions: { default: { access: 'public' } } },
	'/(app)/language': {
		path: () => '/language',
		methods: {
			POST: { access: 'staff', body: () => ({ language: 'en', next: '/' }), answers: [303] }
		}
	},

	'/sign-out': {
		path: () => '/sign-out',
		methods: { POST: { access: 'public', signedOutOnly: true, answers: [303] } }
	}
};
