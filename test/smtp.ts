import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestMailbox {
  readonly url: string;
  readonly received: ParsedMail[];
  /** When each of `received` finished arriving (ms since the epoch), in the same order. */
  readonly receivedAt: number[];
  /** Resolves with the first message to `recipient` (already received or yet to come). */
  /** The first email to `recipient` (that `matches`, when given), waiting for it to arrive. */
  waitFor(recipient: string, timeoutMs?: number, matches?: (mail: ParsedMail) => boolean): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** A real SMTP server on a free local port that parses what it receives. */
export async function startTestMailbox(): Promise<TestMailbox> {
  const received: ParsedMail[] = [];
  const receivedAt: number[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let arrived = 0;
      stream.on('end', () => (arrived = Date.now()));
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          receivedAt.push(arrived || Date.now());
          for (const wake of waiters.splice(0)) wake();
          callback();
        })
        .catch(callback);
    },
  });
  // A sender killed mid-message resets its connection: that is the crash tests' point, not an error.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const to = (mail: ParsedMail) => [mail.to].flat().flatMap((address) => address?.value.map((v) => v.address) ?? []);

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    receivedAt,
    async waitFor(recipient, timeoutMs = 15_000, matches = () => true) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.find((m) => to(m).includes(recipient) && matches(m));
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`No email to ${recipient} arrived within ${timeoutMs} ms.`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 250);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
