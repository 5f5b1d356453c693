import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/dialects.ts';
import { buildOrgFixture, type OrgFixture } from '../../test/support/fixtures.ts';
import { codeOfJurisdiction, xlsxOf } from '../../test/support/import-fixtures.ts';
import { countRows } from '../../test/support/org-fixtures.ts';
import { displayWidth, runImport, type Output } from './import.ts';

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describeEachDialect('liaison import', (env) => {
  let dir: string;
  let org: OrgFixture;
  let countyA: string;
  let countyB: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liaison-import-'));
    org = await buildOrgFixture(env().ctx);
    countyA = await codeOfJurisdiction(env().ctx, org.countyA.id);
    countyB = await codeOfJurisdiction(env().ctx, org.countyB.id);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function file(name: string, rows: (string | null)[][]): Promise<string> {
    const p = path.join(dir, name);
    await writeFile(p, await xlsxOf(rows));
    return p;
  }

  it('prints the problems as a table (row, column, reason) and exits with 1, writing nothing', async () => {
    const { ctx } = env();
    const p = await file('bad.xlsx', [
      ['网格编码', '名称', '所属辖区代码'],
      ['CG-1', '一网格', countyA],
      ['CG-2', null, 'NOPE'],
    ]);
    const io = capture();
    const before = await countRows(ctx, 'grid');
    expect(await runImport(ctx, 'grids', p, {}, io)).toBe(1);
    expect(io.errors).toEqual(['文件中有 2 处错误，未导入任何数据']);
    expect(io.lines[0]).toBe('bad.xlsx：共 2 行网格数据，无误 1 行，错误 2 处');
    expect(io.lines[1]).toMatch(/^行\s+列\s+值\s+原因$/);
    expect(io.lines.slice(3, 5)).toEqual([
      expect.stringMatching(/^3\s+名称\s+名称不能为空$/),
      expect.stringMatching(/^3\s+所属辖区代码\s+NOPE\s+所属辖区代码“NOPE”不存在或不在您的管辖范围内$/),
    ]);
    expect(io.lines.at(-1)).toBe('未导入任何数据。');
    expect(await countRows(ctx, 'grid')).toBe(before);
  });

  it('checks with --dry-run, then imports and says how many were created', async () => {
    const { ctx } = env();
    const p = await file('good.xlsx', [
      ['网格编码', '名称', '所属辖区代码'],
      ['CG-10', '十网格', countyA],
      ['CG-11', '十一网格', countyB],
    ]);
    const dry = capture();
    expect(await runImport(ctx, 'grids', p, { dryRun: true }, dry)).toBe(0);
    expect(dry.lines).toEqual([
      'good.xlsx：共 2 行网格数据，无误 2 行，错误 0 处',
      '检查通过，可以正式导入（去掉 --dry-run）。',
    ]);
    const before = await countRows(ctx, 'grid');
    const commit = capture();
    expect(await runImport(ctx, 'grids', p, {}, commit)).toBe(0);
    expect(commit.lines.at(-1)).toBe('已导入 2 条网格记录。');
    expect(await countRows(ctx, 'grid')).toBe(before + 2);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect([audit.action, audit.actor_username, audit.actor_user_id]).toEqual([
      'import.grids',
      'system',
      null,
    ]);
  });

  it('with --jurisdiction, refers only to records within that jurisdiction', async () => {
    const { ctx } = env();
    const p = await file('scoped.xlsx', [
      ['网格编码', '名称', '所属辖区代码'],
      ['CG-20', '二十网格', countyB],
    ]);
    const io = capture();
    expect(await runImport(ctx, 'grids', p, { dryRun: true, jurisdiction: countyA }, io)).toBe(1);
    expect(io.lines.join('\n')).toContain(`所属辖区代码“${countyB}”不存在或不在您的管辖范围内`);
    const unknown = capture();
    expect(await runImport(ctx, 'grids', p, { jurisdiction: 'NO-SUCH' }, unknown)).toBe(2);
    expect(unknown.errors).toEqual(['辖区代码 NO-SUCH 不存在']);
  });

  it('refuses an unknown kind, another file type and a missing file', async () => {
    const { ctx } = env();
    const io = capture();
    expect(await runImport(ctx, 'cats', path.join(dir, 'x.xlsx'), {}, io)).toBe(2);
    expect(await runImport(ctx, 'grids', path.join(dir, 'x.txt'), {}, io)).toBe(2);
    expect(await runImport(ctx, 'grids', path.join(dir, 'missing.xlsx'), {}, io)).toBe(2);
    expect(io.errors[0]).toBe('未知的导入类型“cats”，可选：representatives | stations | units | grids');
    expect(io.errors[1]).toBe('只能导入 .xlsx 或 .csv 文件');
    expect(io.errors[2]).toContain('无法读取文件');
  });

  it('measures Chinese characters as two columns wide', () => {
    expect(displayWidth('行')).toBe(2);
    expect(displayWidth('R1')).toBe(2);
    expect(displayWidth('所属辖区代码A')).toBe(13);
  });
});
