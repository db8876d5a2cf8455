import { describe, expect, it } from 'vitest';
import { checkContent, describeProblem } from './template-check.ts';
import { checkVariable } from './template-variables.ts';

const email = (overrides: Partial<{ subject: string; body: string; buttonLabel: string | null; buttonUrl: string | null }> = {}) => ({
  subject: 'Welcome, {{ owner.firstName }}',
  body: 'Your {{ product.name }} is covered until {{ coverage.until | long_date }}.',
  buttonLabel: null,
  buttonUrl: null,
  ...overrides,
});

describe('template variables', () => {
  it.each([
    [['owner', 'firstName'], true],
    [['coverage', 'carePlan'], true],
    [['coverage', 'carePlan', 'name'], true],
    [['owner', 'name', 'size'], true],
    [['extra', 'anything', 'deep'], true],
    [['links', 'productPage'], true],
    [['owner'], true],
    [['owner', 'shoeSize'], false],
    [['ownr', 'name'], false],
    [['secrets'], false],
  ] as const)('%j known: %s', (segments, known) => {
    expect(checkVariable(segments).known).toBe(known);
  });

  it('suggests the variable a typo was meant to be, and nothing for a name far from any', () => {
    expect(checkVariable(['ownr', 'name'])).toEqual({ known: false, suggestion: 'owner.name' });
    expect(checkVariable(['product', 'nmae'])).toEqual({ known: false, suggestion: 'product.name' });
    expect(checkVariable(['completely', 'unrelated', 'thing'])).toEqual({ known: false, suggestion: null });
  });
});

describe('checking a content', () => {
  it('accepts a content using known variables, tags and filters', async () => {
    expect(await checkContent(email(), 'email')).toEqual([]);
    const loop = email({ body: '{% if coverage.covered %}Covered{% else %}Not covered{% endif %}\n{% for i in (1..3) %}{{ i }}{% endfor %} {{ owner.name | upcase | default: "friend" }}' });
    expect(await checkContent(loop, 'email')).toEqual([]);
    expect(await checkContent({ subject: '', body: 'Filter at {{ extra.percent }}%: {{ links.accessories }}', buttonLabel: null, buttonUrl: null }, 'sms')).toEqual([]);
  });

  it.each([
    ['an unknown variable, with its line and a suggestion', { body: 'Hello\nthere {{ ownr.name }}' }, { field: 'body', line: 2, column: 10, message: expect.stringContaining('unknown variable ownr.name. Did you mean owner.name?') }],
    ['a typo in the second use of a root', { body: 'Hi {{ owner.name }}\n{{ owner.nmae }}' }, { field: 'body', line: 2, column: 4, message: expect.stringContaining('unknown variable owner.nmae. Did you mean owner.name?') }],
    ['broken Liquid syntax, with its line', { body: 'One\nTwo\n{{ owner.name ' }, { field: 'body', line: 3, message: expect.stringContaining('not closed') }],
    ['an unknown tag', { subject: '{% iff owner.name %}x{% endif %}' }, { field: 'subject', line: 1, message: expect.stringContaining('iff') }],
    ['an unknown filter', { body: '{{ owner.name | shout }}' }, { field: 'body', line: 1, message: expect.stringContaining('shout') }],
    ['include (no file system for templates)', { body: 'a\n{% include "secrets" %}' }, { field: 'body', line: 2, message: 'the include tag is not available in message templates' }],
    ['render', { body: '{% render "x" %}' }, { field: 'body', line: 1, message: 'the render tag is not available in message templates' }],
    ['an email without a subject', { subject: ' ' }, { field: 'subject', message: 'An email needs a subject.' }],
    ['an empty body', { body: '' }, { field: 'body', message: 'Write the message.' }],
    ['a button without an address', { buttonLabel: 'Go' }, { field: 'buttonUrl', message: expect.stringContaining('both a label and an address') }],
    ['a button address that is not a web address', { buttonLabel: 'Go', buttonUrl: 'javascript:alert(1)' }, { field: 'buttonUrl', message: expect.stringContaining('https://') }],
    ['a button variable that is not an address', { buttonLabel: 'Go', buttonUrl: '{{ owner.name }}' }, { field: 'buttonUrl', message: expect.stringContaining('web address') }],
    ['a loop that would run for ever', { body: '{% for i in (1..100000000) %}{{ i }}{% endfor %}' }, { field: 'body', message: expect.stringContaining('too much work') }],
  ] as const)('refuses %s', async (_case, overrides, expected) => {
    const problems = await checkContent(email(overrides), 'email');
    expect(problems).toEqual([expect.objectContaining(expected)]);
  });

  it('refuses a subject or a button on a text message, and a text that is too long', async () => {
    const problems = await checkContent({ subject: 'Hi', body: 'x'.repeat(1001), buttonLabel: 'Go', buttonUrl: 'https://a.example' }, 'sms');
    expect(problems.map((problem) => problem.field).sort()).toEqual(['body', 'buttonLabel', 'subject']);
  });

  it('says where a problem is in words', () => {
    expect(describeProblem({ field: 'body', line: 3, column: 7, message: 'unknown variable x.' })).toBe('line 3, column 7: unknown variable x.');
    expect(describeProblem({ field: 'subject', line: null, column: null, message: 'An email needs a subject.' })).toBe('An email needs a subject.');
  });
});
