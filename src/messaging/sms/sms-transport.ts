/** One text to hand to the provider. */
export interface Sms {
  readonly to: string;
  readonly from: string;
  readonly body: string;
  /** Where the provider reports delivery (delivered, undelivered, failed); null: no receipts. */
  readonly statusCallback: string | null;
  /** Ours, stable per message: a provider that honours Idempotency-Key drops a repeat after a crash. */
  readonly messageId: string;
}

export interface SmsTransport {
  /** The platform's sending number, used when a brand has none of its own. */
  readonly defaultFrom: string;
  /** The provider's id for the accepted message. Throws SmsRejected when retrying cannot help. */
  send(sms: Sms): Promise<{ readonly providerId: string }>;
}

/** The provider refused the message for good (a bad number, a recipient who blocked the sender). */
export class SmsRejected extends Error {
  readonly providerCode: string | null;

  constructor(message: string, providerCode: string | null) {
    super(message);
    this.name = 'SmsRejected';
    this.providerCode = providerCode;
  }
}

/** Twilio's code for a recipient who replied STOP to the sending number: the carrier blocks anything more. */
export const recipientUnsubscribedCode = '21610';

export interface TwilioCompatibleOptions {
  /** The API's root, e.g. https://api.twilio.com (a test points it at a local server). */
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  readonly from: string;
}

/**
 * Texts over a Twilio-compatible HTTP API: POST {baseUrl}/2010-04-01/Accounts/{sid}/Messages.json with
 * basic auth and the form fields To, From, Body and StatusCallback. A 4xx answer (other than 429) is a
 * rejection; anything else that fails is thrown to be retried.
 */
export function twilioCompatibleTransport(options: TwilioCompatibleOptions): SmsTransport {
  const endpoint = `${options.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  return {
    defaultFrom: options.from,
    async send(sms) {
      const form = new URLSearchParams({ To: sms.to, From: sms.from, Body: sms.body });
      if (sms.statusCallback) form.set('StatusCallback', sms.statusCallback);
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'idempotency-key': sms.messageId },
        body: form,
        signal: AbortSignal.timeout(30_000),
      });
      const answer = (await response.json().catch(() => ({}))) as { sid?: unknown; code?: unknown; message?: unknown };
      if (response.ok && typeof answer.sid === 'string') return { providerId: answer.sid };
      const detail = `${response.status}${answer.code !== undefined ? ` (code ${String(answer.code)})` : ''}: ${typeof answer.message === 'string' ? answer.message : response.statusText}`;
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        throw new SmsRejected(`The SMS provider refused the message: ${detail}`, answer.code === undefined ? null : String(answer.code));
      }
      throw new Error(`The SMS provider did not take the message: ${detail}`);
    },
  };
}
