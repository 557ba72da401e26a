import { sql } from 'drizzle-orm';
import { openDatabase } from './src/lib/server/db/client';
const handle = await openDatabase({ dataDir: '/tmp/xbench', durable: false });
const ids = (await handle.db.execute(sql.raw(`select id from class_sessions order by starts_at limit 100`))) as any;
const list = ids.rows.map((r: any) => `'${r.id}'`).join(',');
for (const q of [
  `select * from class_notes where session_id in (${list})`,
  `select * from class_notes where session_id in (${list})`,
  `select n.* from unnest(array[${list}]::uuid[]) s(id) cross join lateral (select * from class_notes where session_id = s.id) n`,
  `select n.* from unnest(array[${list}]::uuid[]) s(id) cross join lateral (select e.id, e.session_id, e.participant_id, e.kind, e.payload, e.recorded_at, e.findings from current_participant_entries e where e.session_id = s.id and e.kind in ('attendance','vitals','pain','exertion','adverse_event')) n`,
  `select e.id, e.session_id, e.participant_id, e.kind, e.payload, e.recorded_at, e.findings from current_participant_entries e where e.session_id in (${list}) and e.kind in ('attendance','vitals','pain','exertion','adverse_event')`,
  `select e.id, e.session_id, e.participant_id, e.kind, e.payload, e.recorded_at, e.findings from current_participant_entries e where e.session_id in (${list}) and e.kind in ('adverse_event')`,
]) {
	const t = performance.now();
	const r = (await handle.db.execute(sql.raw(q))) as any;
	console.log(q.slice(0, 60), r.rows.length, (performance.now() - t).toFixed(0), 'ms');
}
await handle.close();
