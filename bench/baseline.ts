/**
 * The yardstick every scenario is compared with, measured in the same run: a bare Fastify server
 * over a bare better-sqlite3 file (WAL), inserting one row per POST and returning 20 rows per GET.
 * No validation, no sessions, no audit: the floor cost of "HTTP + SQLite" on this machine.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';

export async function startBaseline(
  dir: string,
): Promise<{ app: FastifyInstance; url: string; db: Database.Database }> {
  const db = new Database(path.join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'create table item (id integer primary key autoincrement, name text not null, body text, created_at text not null)',
  );
  const insert = db.prepare('insert into item (name, body, created_at) values (?, ?, ?)');
  const page = db.prepare('select id, name, body, created_at from item order by id desc limit 20');
  const app = Fastify({ logger: false });
  app.post('/items', async (request) => {
    const body = request.body as { name: string; body: string };
    const info = insert.run(body.name, body.body, new Date().toISOString());
    return { id: Number(info.lastInsertRowid) };
  });
  app.get('/items', async () => ({ items: page.all() }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url, db };
}
