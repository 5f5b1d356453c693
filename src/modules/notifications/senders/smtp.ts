/** E-mail through an SMTP server (nodemailer), configured by SMTP_URL and MAIL_FROM. */
import nodemailer from 'nodemailer';
import type { OutgoingMessage, Sender } from './sender.ts';

export interface SmtpOptions {
  /** nodemailer transport URL, e.g. smtps://user:pass@smtp.example.gov.cn:465 */
  url: string;
  from: string;
  /** Milliseconds allowed for connecting, the greeting and each exchange (default 15 s). */
  timeoutMs?: number;
}

export function smtpSender(options: SmtpOptions): Sender {
  const timeout = options.timeoutMs ?? 15_000;
  // A connection per message: the dispatcher sends a few messages a minute, and a pooled
  // connection would outlive the run of the job that opened it.
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    name: 'smtp',
    async send(message: OutgoingMessage) {
      if (message.channel !== 'email') throw new Error(`the SMTP sender cannot send ${message.channel}`);
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
      });
    },
    close() {
      transport.close();
    },
  };
}
