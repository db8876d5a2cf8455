import { describe, expect, it } from 'vitest';
import { bodyHtml, bodyLinks, bodyPieces, bodyText, previewLine } from './message-body.ts';
import { type RenderContext, composeMessage, renderParts, renderTemplate, trackableLinks } from './render-template.ts';
import { chooseLanguage, factNeedsOf } from './template-context.ts';
import { exampleVariables } from './template-variables.ts';

const context = (overrides: Partial<RenderContext> = {}): RenderContext => ({
  channel: 'email',
  class: 'marketing',
  language: 'en',
  brand: { name: 'Acme & Co', primaryColor: '#1864ab' },
  variables: exampleVariables(),
  preferencesUrl: 'https://openox.example/o/acme/contact-preferences/AQGQ',
  ...overrides,
});

describe('the message body', () => {
  it('finds bare and labelled links, leaving trailing punctuation out', () => {
    const text = 'See https://acme.example/manual. Or [the shop](https://shop.acme.example/?a=1&b=2), or (https://acme.example/x)!';
    expect(bodyLinks(text)).toEqual(['https://acme.example/manual', 'https://shop.acme.example/?a=1&b=2', 'https://acme.example/x']);
    expect(bodyPieces('no links here')).toEqual([{ kind: 'text', text: 'no links here' }]);
  });

  it('writes links as "label (address)" in text and as anchors in HTML, escaping everything else', () => {
    const text = 'Hi <b>Ana</b> & co\nline two\n\n[Shop](https://s.example/?q=1&r=2) https://a.example';
    const swap = (url: string) => `https://t.example/c/${url.length}`;
    expect(bodyText(text, swap)).toBe('Hi <b>Ana</b> & co\nline two\n\nShop (https://t.example/c/26) https://t.example/c/17');
    expect(bodyHtml(text, swap, '#123456')).toBe(
      '<p style="margin:0 0 16px">Hi &lt;b&gt;Ana&lt;/b&gt; &amp; co<br />line two</p>' +
        '<p style="margin:0 0 16px"><a href="https://t.example/c/26" style="color:#123456">Shop</a> <a href="https://t.example/c/17" style="color:#123456">https://a.example</a></p>',
    );
  });

  it('makes a short preview line from the text', () => {
    expect(previewLine('Hello [there](https://x.example)\n\nfriend')).toBe('Hello there friend');
    expect(previewLine('word '.repeat(50), 20)).toHaveLength(20);
  });
});

describe('rendering a template', () => {
  it('personalises an email and lays it out responsively with a plain-text part', async () => {
    const message = await renderTemplate(
      {
        subject: 'Your {{ product.name }}, {{ owner.firstName }}',
        body: 'Covered until {{ coverage.until | long_date }}.\n\nManual: {{ links.productPage }}',
        buttonLabel: 'Extend cover',
        buttonUrl: '{{ offer.url }}',
      },
      context(),
    );
    expect(message.subject).toBe('Your Uno Kettle, Ana');
    expect(message.text).toContain('Covered until March 14, 2027.');
    expect(message.text).toContain('Extend cover: https://shop.acme.example/care-plus');
    expect(message.text).toContain('Choose what Acme & Co sends you: https://openox.example/o/acme/contact-preferences/AQGQ');
    expect(message.html).toContain('<html lang="en"');
    expect(message.html).toContain('Acme &amp; Co');
    expect(message.html).toContain('href="https://shop.acme.example/care-plus"');
    expect(message.html).toContain('@media'); // MJML's responsive rules
    expect(message.html).not.toContain('__OX_');
  });

  it('writes dates in the message language', async () => {
    const spanish = await renderTemplate({ subject: 'x', body: '{{ coverage.until | long_date }}', buttonLabel: null, buttonUrl: null }, context({ language: 'es', variables: { ...exampleVariables(), owner: { language: 'es' } } }));
    expect(spanish.text.split('\n')[0]).toBe('14 de marzo de 2027');
  });

  it('escapes what owners typed into their name in HTML, and keeps it as typed in text', async () => {
    const variables = { ...exampleVariables(), owner: { firstName: '<script>alert(1)</script>' } };
    const message = await renderTemplate({ subject: 'Hi {{ owner.firstName }}', body: 'Hi {{ owner.firstName }}', buttonLabel: null, buttonUrl: null }, context({ variables }));
    expect(message.html).not.toContain('<script>alert(1)</script>');
    expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message.text.startsWith('Hi <script>alert(1)</script>')).toBe(true);
  });

  it('renders a text message: no subject, no HTML, and a stop notice on marketing only', async () => {
    const content = { subject: '', body: 'Filter at {{ extra.percent }}%. Reorder: {{ links.accessories }}', buttonLabel: null, buttonUrl: null };
    const variables = { ...exampleVariables(), extra: { percent: 8 } };
    const marketing = await renderTemplate(content, context({ channel: 'sms', variables }));
    expect(marketing).toEqual({ subject: '', text: 'Filter at 8%. Reorder: https://shop.acme.example/accessories\nReply STOP to opt out.', html: null });
    const service = await renderTemplate(content, context({ channel: 'sms', class: 'service', variables, language: 'es' }));
    expect(service.text).toBe('Filter at 8%. Reorder: https://shop.acme.example/accessories');
  });

  it('passes every link but the preference centre through the tracker', async () => {
    const parts = await renderParts(
      { subject: 'x', body: 'A {{ links.productPage }} B {{ links.preferences }} C [shop]({{ links.accessories }})', buttonLabel: 'Go', buttonUrl: '{{ links.review }}' },
      context(),
    );
    const links = trackableLinks(parts, context());
    expect(links).toEqual(['https://openox.example/o/acme/products/0190a5d2-0000-7000-8000-000000000000', 'https://shop.acme.example/accessories', 'https://openox.example/o/acme/review/UgGQ']);
    const message = await composeMessage(parts, context(), (url) => (links.includes(url) ? `https://t.example/c/${links.indexOf(url)}` : url));
    expect(message.text).toContain('A https://t.example/c/0 B https://openox.example/o/acme/contact-preferences/AQGQ C shop (https://t.example/c/1)');
    expect(message.html).toContain('href="https://t.example/c/2"');
    expect(message.html).not.toContain('/review/UgGQ');
  });

  it('refuses a button whose address comes out as something other than a web address', async () => {
    await expect(renderParts({ subject: 'x', body: 'y', buttonLabel: 'Go', buttonUrl: '{{ owner.name }}' }, context())).rejects.toThrow(/web address/);
  });
});

describe('choosing the language', () => {
  it.each([
    ['es', ['en', 'es'], 'en', 'es'],
    ['es-MX', ['en', 'es'], 'en', 'es'],
    ['pt', ['en', 'pt-BR'], 'en', 'pt-BR'],
    ['fr', ['en', 'es'], 'es', 'es'],
    ['de', ['en'], 'en', 'en'],
  ])('%s among %j (default %s) → %s', (wanted, available, fallback, chosen) => {
    expect(chooseLanguage(wanted, available, fallback)).toBe(chosen);
  });
});

describe('what a render has to look up', () => {
  it.each([
    ['an email reading only the owner (its footer links the preference centre)', ['Hi {{ owner.firstName }}'], 'email', { coverage: false, brandSettings: false, preferences: true, review: false }],
    ['a text reading only the owner', ['Hi {{ owner.firstName }}'], 'sms', { coverage: false, brandSettings: false, preferences: false, review: false }],
    ['a text about the warranty', ['Until {{ coverage.until }}', '{% if coverage.covered %}x{% endif %}'], 'sms', { coverage: true, brandSettings: false, preferences: false, review: false }],
    ['a text with the shop and preference links', ['{{ links.accessories }} {{ links.preferences }}'], 'sms', { coverage: false, brandSettings: true, preferences: true, review: false }],
    ['a text with the support phone', ['Call {{ brand.supportPhone }}'], 'sms', { coverage: false, brandSettings: true, preferences: false, review: false }],
    // The signed review link for the product, and the brand's own review site when there is no product.
    ['an email asking for a review', ['{{ links.review }}'], 'email', { coverage: false, brandSettings: true, preferences: true, review: true }],
  ] as const)('%s', (_case, sources, channel, needs) => {
    expect(factNeedsOf(sources, channel)).toEqual(needs);
  });
});
