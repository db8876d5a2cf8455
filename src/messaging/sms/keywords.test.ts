import { describe, expect, it } from 'vitest';
import { keywordOf } from './keywords.ts';

describe('keywordOf', () => {
  it.each([
    ...['stop', 'STOP', ' Stop ', 'stop!', 'Stop.', 'quit', 'END', 'revoke', 'opt out', 'Opt  Out', 'OPT-OUT', 'optout', 'cancel', 'unsubscribe', 'STOPALL'].map((text) => [text, 'stop'] as const),
    ...['start', 'START', 'unstop', ' Unstop '].map((text) => [text, 'start'] as const),
    ...['help', 'HELP', 'info', ' help '].map((text) => [text, 'help'] as const),
    ...['please stop', 'stop it', 'stopping', 'yes', 'ok', '', 'thanks, great product', 'end of story'].map((text) => [text, null] as const),
  ])('%j is %s', (text, keyword) => {
    expect(keywordOf(text)).toBe(keyword);
  });
});
