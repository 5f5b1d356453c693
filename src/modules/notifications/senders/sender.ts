/**
 * How an outbox message leaves the system. One `Sender` per channel, chosen by configuration
 * (SMS_SENDER, EMAIL_SENDER); an SMS gateway is plugged in by writing another implementation
 * and returning it from `sendersFor` (senders/index.ts).
 */

export interface OutgoingMessage {
  /** The outbox row, for the record (and for a gateway's idempotency key). */
  id: number;
  channel: 'sms' | 'email';
  /** The recipient in clear: a phone number or an e-mail address. Never logged as is. */
  to: string;
  subject: string | null;
  body: string;
}

export interface Sender {
  /** For logs and the `jobs --once` report: 'file', 'console', 'smtp' … */
  readonly name: string;
  /** Deliver the message or throw; a throw is retried with backoff by the dispatcher. */
  send(message: OutgoingMessage): Promise<void>;
  /** Release connections, if the sender holds any. */
  close?(): void;
}

/** A sender that is switched off ('none'): the dispatcher marks its messages failed, unsent. */
export interface Senders {
  sms: Sender | null;
  email: Sender | null;
}

/**
 * A recipient as it may appear in a log: a phone number keeps only its last four digits
 * (*******1234); an e-mail address its first character and its domain (z***@example.gov.cn).
 * A log is not a channel for personal data.
 */
export function maskRecipient(channel: 'sms' | 'email', to: string): string {
  if (channel === 'email') {
    const at = to.lastIndexOf('@');
    if (at <= 0) return '***';
    return `${to.slice(0, 1)}***${to.slice(at)}`;
  }
  const digits = to.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 4) + digits.slice(-4);
}
