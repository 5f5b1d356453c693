/** Prints each message as one line with the recipient masked (for development and demos). */
import { maskRecipient, type OutgoingMessage, type Sender } from './sender.ts';

export function consoleSender(write: (line: string) => void = (l) => console.log(l)): Sender {
  return {
    name: 'console',
    send(message: OutgoingMessage) {
      const subject = message.subject ? ` [${message.subject}]` : '';
      write(
        `[${message.channel}] #${message.id} → ${maskRecipient(message.channel, message.to)}${subject} ${message.body.replace(/\s+/g, ' ')}`,
      );
      return Promise.resolve();
    },
  };
}
