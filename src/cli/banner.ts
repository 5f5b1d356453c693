/** The box `liaison start` prints: where the app is, and how to sign in to the demo. */
import { ROLE_LABELS, type Role } from '../modules/auth/auth.domain.ts';
import type { DemoAccount } from '../modules/demo/demo.types.ts';
import { box, columns } from './output.ts';

export interface BannerInput {
  url: string;
  /** False while the web app is not built: the root URL then answers only /api, /docs and /healthz. */
  webServed: boolean;
  logins: readonly DemoAccount[];
  password: string;
  /** Where a generated development secret is kept, to be backed up with the data. */
  secretFile?: string;
}

export function startBanner(b: BannerInput): string {
  const base = b.url.replace(/\/$/, '');
  const lines = [
    'Liaison 联络 is running',
    '',
    ...columns([
      ['Web app', b.webServed ? `${base}/` : `${base}/  (API only: the web app is not built)`],
      ['API docs', `${base}/docs`],
      ['Health', `${base}/healthz`],
    ]),
  ];
  if (b.logins.length > 0) {
    lines.push('', `Demo log-ins (password ${b.password}):`);
    lines.push(
      ...columns(
        b.logins.map((a) => {
          const role = a.roles[0] as Role;
          return [`  ${ROLE_LABELS[role].en}`, ROLE_LABELS[role].zh, a.username, a.note.en];
        }),
      ),
    );
    lines.push('  … and officer.<place>, rep.*, unit.* — see README.md');
  }
  if (b.secretFile) lines.push('', `Secret key: ${b.secretFile} (keep it with your backups)`);
  lines.push('', 'Stop with Ctrl+C.');
  return box(lines);
}
