import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProviderRequest {
  readonly accountSid: string;
  readonly authorization: string | undefined;
  readonly form: Readonly<Record<string, string>>;
}

export interface TestSmsProvider {
  /** The API root to configure (OPENOX_SMS_API_URL). */
  readonly url: string;
  readonly received: ProviderRequest[];
  /** The next answers to give, in order (then 201 with a fresh sid). */
  readonly answers: { status: number; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

/**
 * A local HTTP server that behaves like Twilio's Messages API: POST
 * /2010-04-01/Accounts/{sid}/Messages.json with a form body, answering 201 `{ sid, status: 'queued' }`.
 */
export async function startTestSmsProvider(): Promise<TestSmsProvider> {
  const received: ProviderRequest[] = [];
  const answers: TestSmsProvider['answers'] = [];
  let counter = 0;
  const server = createServer((request, response) => {
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(request.url ?? '');
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.method !== 'POST' || !match) {
        response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20404, message: 'Not found' }));
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(body));
      received.push({ accountSid: decodeURIComponent(match[1] as string), authorization: request.headers.authorization, form });
      const answer = answers.shift() ?? { status: 201, body: { sid: `SM${String(++counter).padStart(32, '0')}`, status: 'queued' } };
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
