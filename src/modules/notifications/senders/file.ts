/**
 * The development and evaluation sender: each message becomes one JSON line in
 * `<dataDir>/outbox.log` (readable by the owner only), with the recipient masked.
 */
import { appendFile, chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { maskRecipient, type OutgoingMessage, type Sender } from './sender.ts';

export function outboxLogPath(dataDir: string): string {
  return path.join(dataDir, 'outbox.log');
}

export function fileSender(dataDir: string, now: () => Date): Sender {
  const file = outboxLogPath(dataDir);
  let ready: Promise<void> | undefined;
  const prepare = async () => {
    await mkdir(dataDir, { recursive: true });
    // Create it owner-only; an existing file made before this rule is narrowed too.
    await appendFile(file, '', { mode: 0o600 });
    await chmod(file, 0o600);
  };
  return {
    name: 'file',
    async send(message: OutgoingMessage) {
      ready ??= prepare().catch((err: unknown) => {
        ready = undefined;
        throw err;
      });
      await ready;
      const line = {
        at: now().toISOString(),
        id: message.id,
        channel: message.channel,
        to: maskRecipient(message.channel, message.to),
        subject: message.subject,
        body: message.body,
      };
      await appendFile(file, JSON.stringify(line) + '\n', { mode: 0o600 });
    },
  };
}
