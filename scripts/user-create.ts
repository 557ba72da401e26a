// `npm run user:create -- --email ana@clinic.org --role coordinator [--name "Ana Diaz"]
//   [--credentials DPT] [--clinic "Riverside Rehab"] [--time-zone America/Chicago]`
// Roles: coordinator (plans), technician (runs classes), therapist (runs classes, signs and
// co-signs class notes). --credentials are printed after the name on signed notes.
// Asks for the password on a terminal (empty = generate one); elsewhere generates and prints it.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createStaffUser } from '../src/lib/server/auth/users';
import { MIN_PASSWORD_LENGTH } from '../src/lib/server/auth/password';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { ROLES } from '../src/lib/shared/domain';
import { runCli, UsageError } from './cli';
import { askHidden } from './prompt';

const argsSchema = z.object({
	email: z.email('--email: give a valid email address'),
	role: z.enum(ROLES, { message: `--role: one of ${ROLES.join(', ')}` }),
	name: z.string().trim().min(1).max(100).optional(),
	credentials: z
		.string()
		.trim()
		.max(40, '--credentials: at most 40 characters, e.g. "DPT" or "PTA"')
		.optional(),
	clinic: z.string().trim().min(1).max(100).optional(),
	'time-zone': z
		.string()
		.refine((zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC', {
			message: '--time-zone: an IANA zone such as America/Chicago'
		})
		.optional()
});

await runCli(async () => {
	const { values } = parseArgs({
		options: {
			email: { type: 'string' },
			role: { type: 'string' },
			name: { type: 'string' },
			credentials: { type: 'string' },
			clinic: { type: 'string' },
			'time-zone': { type: 'string' }
		},
		strict: true
	});
	const parsed = argsSchema.safeParse(values);
	if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('\n'));
	const args = parsed.data;

	let password = process.stdin.isTTY
		? await askHidden(
				`Password for ${args.email} (at least ${MIN_PASSWORD_LENGTH} characters; empty = generate): `
			)
		: '';
	const generated = password === '';
	if (generated) password = randomBytes(12).toString('base64url');
	if (password.length < MIN_PASSWORD_LENGTH) {
		throw new UsageError(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
	}

	const config = readConfig();
	const database = await openDatabase(
		config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }
	);
	try {
		await database.migrate(config.migrationsDir);
		const result = await createStaffUser(database.db, {
			email: args.email,
			role: args.role,
			name: args.name ?? args.email.split('@')[0]!,
			credentials: args.credentials,
			password,
			clinicName: args.clinic,
			timeZone: args['time-zone'] ?? Intl.DateTimeFormat().resolvedOptions().timeZone
		});
		if (!result.ok) throw new UsageError(result.error);
		console.log(`Created ${args.role} ${args.email} in ${result.clinicName}.`);
		if (generated) console.log(`Password: ${password}  (shown once; keep it somewhere safe)`);
	} finally {
		await database.close();
	}
});
