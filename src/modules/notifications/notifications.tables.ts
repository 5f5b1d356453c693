/** Row types of the in-app inbox and the outbox of messages to send (SMS, e-mail). */
import type { Generated } from 'kysely';

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link_type: string | null;
  link_id: number | null;
  created_at: string;
  read_at: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  channel: 'sms' | 'email';
  recipient_enc: string;
  subject: string | null;
  body: string;
  status: Generated<'pending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: string;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
}

export interface NotificationTables {
  notification: NotificationTable;
  outbox: OutboxTable;
}
