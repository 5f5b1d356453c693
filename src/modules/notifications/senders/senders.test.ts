import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../../test/support/dialects.ts';
import { FixedClock } from '../../../platform/clock.ts';
import { consoleSender } from './console.ts';
import { fileSender, outboxLogPath } from './file.ts';
import { sendersFor } from './index.ts';
import { maskRecipient, type OutgoingMessage } from './sender.ts';
import { smtpSender } from './smtp.ts';

const SMS: OutgoingMessage = {
  id: 7,
  channel: 'sms',
  to: '13812345678',
  subject: null,
  body: '【联络】您的意见已受理，查询码 ab12cd',
};
const MAIL: OutgoingMessage = {
  id: 8,
  channel: 'email',
  to: 'zhangsan@example.gov.cn',
  subject: '新交办：东湖路路灯不亮',
  body: '您单位有一条新交办的群众意见，请于 1 个工作日内签收。\n请登录联络平台查看。',
};

describe('masking recipients for logs', () => {
  it.each([
    ['sms', '13812345678', '*******5678'],
    ['sms', '057188881234', '********1234'],
    ['sms', '1234', '****'],
    ['email', 'zhangsan@example.gov.cn', 'z***@example.gov.cn'],
    ['email', 'not-an-address', '***'],
  ] as const)('%s %s → %s', (channel, to, masked) => {
    expect(maskRecipient(channel, to)).toBe(masked);
  });
});

describe('file sender', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'liaison-outbox-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one JSON line per message to <dataDir>/outbox.log, owner-only, with the recipient masked', async () => {
    const clock = new FixedClock(new Date('2026-03-02T01:00:00.000Z'));
    const dataDir = path.join(dir, 'fresh');
    const sender = fileSender(dataDir, () => clock.now());
    await sender.send(SMS);
    await sender.send(MAIL);
    const file = outboxLogPath(dataDir);
    expect(file).toBe(path.join(dataDir, 'outbox.log'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('zhangsan');
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        at: '2026-03-02T01:00:00.000Z',
        id: 7,
        channel: 'sms',
        to: '*******5678',
        subject: null,
        body: SMS.body,
      },
      {
        at: '2026-03-02T01:00:00.000Z',
        id: 8,
        channel: 'email',
        to: 'z***@example.gov.cn',
        subject: MAIL.subject,
        body: MAIL.body,
      },
    ]);
  });

  it('narrows a log file that was readable by others, keeping what it held', async () => {
    const dataDir = path.join(dir, 'old');
    mkdirSync(dataDir);
    const file = outboxLogPath(dataDir);
    writeFileSync(file, '{"old":true}\n');
    chmodSync(file, 0o644);
    await fileSender(dataDir, () => new Date()).send(SMS);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').split('\n').slice(0, 1)).toEqual(['{"old":true}']);
  });
});

describe('console sender', () => {
  it('prints one line with the recipient masked', async () => {
    const lines: string[] = [];
    const sender = consoleSender((l) => lines.push(l));
    await sender.send(SMS);
    await sender.send(MAIL);
    expect(lines).toEqual([
      `[sms] #7 → *******5678 ${SMS.body}`,
      `[email] #8 → z***@example.gov.cn [${MAIL.subject}] ${MAIL.body.replace('\n', ' ')}`,
    ]);
  });
});

describe('senders chosen by configuration', () => {
  const clock = new FixedClock(new Date());
  it.each([
    [{ SMS_SENDER: 'file', EMAIL_SENDER: 'console' }, 'file', 'console'],
    [{ SMS_SENDER: 'none', EMAIL_SENDER: 'none' }, null, null],
    [{ SMS_SENDER: 'console', SMTP_URL: 'smtp://127.0.0.1:2525' }, 'console', 'smtp'],
  ] as const)('%o', (env, sms, email) => {
    const senders = sendersFor(testConfig(env), clock);
    expect(senders.sms?.name ?? null).toBe(sms);
    expect(senders.email?.name ?? null).toBe(email);
    senders.email?.close?.();
  });
});

// ── A tiny SMTP server, enough for nodemailer: greeting, EHLO, MAIL, RCPT, DATA, QUIT ──

interface Received {
  from: string;
  to: string[];
  data: string;
}

function startSmtpServer(options: { rejectRecipient?: boolean } = {}) {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding('latin1');
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 test.local ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end + 2).replace(/\r\n\.\./g, '\r\n.');
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          reply('250 2.0.0 queued');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.split(/[ :]/)[0]!.toUpperCase();
        if (verb === 'EHLO') socket.write('250-test.local\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO' || verb === 'RSET' || verb === 'NOOP') reply('250 OK');
        else if (verb === 'MAIL') {
          current.from = /<(.*)>/.exec(line)?.[1] ?? '';
          reply('250 2.1.0 OK');
        } else if (verb === 'RCPT') {
          if (options.rejectRecipient) reply('550 5.1.1 no such user');
          else {
            current.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
            reply('250 2.1.5 OK');
          }
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 5.5.2 not implemented');
      }
    });
  });
  return new Promise<{ port: number; received: Received[]; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        received,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/** Decode RFC 2047 encoded words (adjacent ones joined before UTF-8 decoding). */
function decodeHeader(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/(=\?UTF-8\?[BQ]\?[^?]*\?=)+/gi, (run) => {
    const bytes = [...run.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
      enc!.toUpperCase() === 'B'
        ? Buffer.from(text!, 'base64')
        : Buffer.from(
            text!
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

/** Headers (unfolded, decoded) and the text body (transfer encoding undone) of a single-part message. */
function parseMessage(data: string): { headers: Map<string, string>; body: string } {
  const split = data.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of data
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeHeader(line.slice(colon + 1).trim()));
  }
  const raw = data.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            raw
              .replace(/=\r\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : Buffer.from(raw, 'latin1').toString('utf8');
  return { headers, body: body.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

describe('SMTP sender', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('hands the message to the SMTP server: envelope, From, To, Subject and body in UTF-8', async () => {
    const server = await startSmtpServer();
    servers.push(server);
    const sender = smtpSender({
      url: `smtp://127.0.0.1:${server.port}`,
      from: '联络平台 <no-reply@liaison.test>',
    });
    await sender.send(MAIL);
    sender.close?.();
    expect(server.received).toHaveLength(1);
    const mail = server.received[0]!;
    expect(mail.from).toBe('no-reply@liaison.test');
    expect(mail.to).toEqual(['zhangsan@example.gov.cn']);
    const { headers, body } = parseMessage(mail.data);
    expect(headers.get('from')).toBe('联络平台 <no-reply@liaison.test>');
    expect(headers.get('to')).toBe('zhangsan@example.gov.cn');
    expect(headers.get('subject')).toBe(MAIL.subject);
    expect(headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
    expect(body).toBe(MAIL.body);
  });

  it('throws when the server refuses the recipient, so the dispatcher retries', async () => {
    const server = await startSmtpServer({ rejectRecipient: true });
    servers.push(server);
    const sender = smtpSender({ url: `smtp://127.0.0.1:${server.port}`, from: 'no-reply@liaison.test' });
    await expect(sender.send(MAIL)).rejects.toThrow(/550|no such user|recipients/i);
    sender.close?.();
    expect(server.received).toHaveLength(0);
  });

  it('throws when no server answers', async () => {
    const server = await startSmtpServer();
    const port = server.port;
    await server.close();
    const sender = smtpSender({
      url: `smtp://127.0.0.1:${port}`,
      from: 'no-reply@liaison.test',
      timeoutMs: 2000,
    });
    await expect(sender.send(MAIL)).rejects.toThrow();
    sender.close?.();
  });

  it('refuses to send an SMS', async () => {
    const sender = smtpSender({ url: 'smtp://127.0.0.1:1', from: 'no-reply@liaison.test' });
    await expect(sender.send(SMS)).rejects.toThrow(/cannot send sms/);
    sender.close?.();
  });
});
