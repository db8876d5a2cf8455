import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature a Twilio-compatible provider sends in X-Twilio-Signature: base64 HMAC-SHA1, keyed with
 * the account's auth token, over the full URL it called followed by each POST parameter's name and
 * value, sorted by name.
 */
export function providerSignature(authToken: string, url: string, params: Readonly<Record<string, string>>): string {
  const data = url + Object.keys(params).sort().map((name) => name + params[name]).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Whether `signature` is the provider's for this request (compared in constant time). */
export function isProviderSignature(authToken: string, url: string, params: Readonly<Record<string, string>>, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(providerSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
