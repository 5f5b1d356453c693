/**
 * Bulk import of 10,000 representatives (seats, station, group and grid memberships, encrypted
 * phones) into the demo database, against a bare prepared-statement insert of the same rows.
 */
import type Database from 'better-sqlite3';
import type { AppContext } from '../src/platform/context.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/auth.domain.ts';
import { importFile } from '../src/modules/org/import.service.ts';
import { xlsxOf } from '../test/support/import-fixtures.ts';

const HEADER = [
  '代表编号*',
  '姓名*',
  '性别*',
  '民族',
  '管理辖区代码*',
  '工作单位',
  '职务',
  '界别',
  '状态',
  '公开履职信息',
  '联系电话',
  '所属人大编码',
  '代表团',
  '选区',
  '进站站点编码',
  '代表小组编码',
  '网格编码',
  '简介',
];

export async function importBench(
  ctx: AppContext,
  baseline: Database.Database,
): Promise<{ dryRunMs: number; commitMs: number; baselineMs: number }> {
  const db = ctx.database.db;
  const county = await db
    .selectFrom('jurisdiction')
    .select('code')
    .where('level', '=', 'county')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const congresses = await db
    .selectFrom('congress')
    .select('code')
    .where('level', 'in', ['city', 'county'])
    .orderBy('id')
    .limit(2)
    .execute();
  const station = await db.selectFrom('station').select('code').orderBy('id').executeTakeFirstOrThrow();
  const group = await db.selectFrom('rep_group').select('code').orderBy('id').executeTakeFirstOrThrow();
  const grid = await db.selectFrom('grid').select('code').orderBy('id').executeTakeFirstOrThrow();
  const rows = Array.from({ length: 10_000 }, (_, i) => [
    `BENCH${String(i).padStart(5, '0')}`,
    `代表${i}`,
    i % 2 ? '女' : '男',
    '汉族',
    county.code,
    '清江市某某有限公司',
    '职员',
    '工人',
    '在任',
    '是',
    `139${String(i).padStart(8, '0')}`,
    congresses.map((c) => c.code).join('；'),
    '代表团',
    `第${i % 40}选区`,
    station.code,
    group.code,
    grid.code,
    null,
  ]);
  const data = await xlsxOf([HEADER, ...rows]);
  const input = { kind: 'representatives' as const, fileName: 'bench.xlsx', format: 'xlsx' as const, data };
  let t = performance.now();
  const dry = await importFile(ctx, SYSTEM_ACTOR, { ...input, mode: 'dry-run' });
  const dryRunMs = performance.now() - t;
  if (dry.errorCount > 0)
    throw new Error(`bench import file has errors: ${JSON.stringify(dry.errors.slice(0, 3))}`);
  t = performance.now();
  await importFile(ctx, SYSTEM_ACTOR, { ...input, mode: 'commit' });
  const commitMs = performance.now() - t;

  baseline.exec(
    'create table rep (id integer primary key, code text unique, name text, gender text, jurisdiction text, employer text, post text, sector text, phone text)',
  );
  baseline.exec('create table seat (rep_id integer, congress text, delegation text, constituency text)');
  baseline.exec('create table member (rep_id integer, owner text)');
  const insRep = baseline.prepare(
    'insert into rep (code, name, gender, jurisdiction, employer, post, sector, phone) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insSeat = baseline.prepare('insert into seat values (?, ?, ?, ?)');
  const insMember = baseline.prepare('insert into member values (?, ?)');
  t = performance.now();
  baseline.transaction(() => {
    for (const r of rows) {
      const id = Number(insRep.run(r[0], r[1], r[2], r[4], r[5], r[6], r[7], r[10]).lastInsertRowid);
      for (const c of congresses) insSeat.run(id, c.code, r[12], r[13]);
      for (const owner of [r[14], r[15], r[16]]) insMember.run(id, owner);
    }
  })();
  const baselineMs = performance.now() - t;
  return { dryRunMs, commitMs, baselineMs };
}
