import { describe, expect, it } from 'vitest';
import { withUtm } from './utm.ts';

const tags = { medium: 'email', campaign: 'welcome-series', content: 'welcome_day3' } as const;
const utm = 'utm_source=openox&utm_medium=email&utm_campaign=welcome-series&utm_content=welcome_day3';

describe('UTM tags on a tracked link', () => {
  it.each([
    ['https://shop.example/filters', `https://shop.example/filters?${utm}`],
    ['https://shop.example', `https://shop.example?${utm}`],
    ['https://shop.example/p?sku=F-1&ref=a%20b', `https://shop.example/p?sku=F-1&ref=a%20b&${utm}`],
    ['https://shop.example/p?', `https://shop.example/p?${utm}`],
    ['https://shop.example/p#reviews', `https://shop.example/p?${utm}#reviews`],
    ['https://shop.example/p?a=1#top', `https://shop.example/p?a=1&${utm}#top`],
  ])('%s → %s', (address, expected) => {
    expect(withUtm(address, tags)).toBe(expected);
  });

  it('leaves a tag the brand set itself as it is', () => {
    expect(withUtm('https://shop.example/?utm_campaign=spring&utm_source=newsletter', { ...tags, medium: 'sms' })).toBe(
      'https://shop.example/?utm_campaign=spring&utm_source=newsletter&utm_medium=sms&utm_content=welcome_day3',
    );
  });

  it('encodes campaign names that are not URL-safe', () => {
    expect(withUtm('https://shop.example/', { ...tags, campaign: 'Spring sale & more' })).toContain('utm_campaign=Spring+sale+%26+more');
  });
});
