/** What an inbound text asks for, when it is one of the carrier-standard keywords. */
export type SmsKeyword = 'stop' | 'start' | 'help';

// The CTIA's opt-out words and the common ones providers honour; START and UNSTOP undo them.
const keywords: Readonly<Record<string, SmsKeyword>> = {
  stop: 'stop', stopall: 'stop', unsubscribe: 'stop', cancel: 'stop', end: 'stop', quit: 'stop', revoke: 'stop', 'opt out': 'stop', optout: 'stop',
  start: 'start', unstop: 'start',
  help: 'help', info: 'help',
};

/**
 * The keyword a text is, or null for ordinary words. The whole text must be the keyword: case, spaces
 * around and inside it, and a full stop or exclamation mark after it do not matter ("Stop!", " opt  OUT").
 */
export function keywordOf(text: string): SmsKeyword | null {
  const words = text.trim().toLowerCase().replace(/[.!]+$/, '').trim().replace(/[\s-]+/g, ' ');
  return keywords[words] ?? null;
}
