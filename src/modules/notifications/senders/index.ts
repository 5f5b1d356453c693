/** The sender of each channel, as configured (SMS_SENDER, EMAIL_SENDER). */
import type { Config } from '../../../platform/config.ts';
import type { Clock } from '../../../platform/clock.ts';
import { consoleSender } from './console.ts';
import { fileSender } from './file.ts';
import type { Sender, Senders } from './sender.ts';
import { smtpSender } from './smtp.ts';

export type { OutgoingMessage, Sender, Senders } from './sender.ts';

export function sendersFor(config: Config, clock: Clock): Senders {
  const now = () => clock.now();
  const file = (): Sender => fileSender(config.dataDir, now);
  const { sms, email, smtpUrl, mailFrom } = config.notifications;
  return {
    // An SMS gateway goes here as a further case when one is contracted.
    sms: sms === 'file' ? file() : sms === 'console' ? consoleSender() : null,
    email:
      email === 'file'
        ? file()
        : email === 'console'
          ? consoleSender()
          : email === 'smtp' && smtpUrl
            ? smtpSender({ url: smtpUrl, from: mailFrom })
            : null,
  };
}
