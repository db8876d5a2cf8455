import type { MessageChannel } from '../tables.ts';
import { TemplateError, renderLiquid, variablesUsed } from './liquid.ts';
import { type RenderContext, type TemplateContent, UnsendableContent, isWebAddress, renderParts } from './render-template.ts';
import { checkVariable, exampleVariables } from './template-variables.ts';

export type ContentField = 'subject' | 'body' | 'buttonLabel' | 'buttonUrl';

/** One thing wrong with a content, where it is. */
export interface ContentProblem {
  readonly field: ContentField;
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
}

export const contentLimits = { subject: 200, emailBody: 20_000, smsBody: 1_000, buttonLabel: 80, buttonUrl: 2_000 } as const;

const fields: readonly ContentField[] = ['subject', 'body', 'buttonLabel', 'buttonUrl'];
const hasLiquid = (text: string) => /\{\{|\{%/.test(text);

/** The problem as one line a person can act on: "line 3, column 5: unknown variable …". */
export function describeProblem(problem: ContentProblem): string {
  const place = problem.line === null ? '' : `line ${problem.line}${problem.column === null ? '' : `, column ${problem.column}`}: `;
  return `${place}${problem.message}`;
}

/** What the channel asks of the content's shape, before any Liquid is looked at. */
function shapeProblems(content: TemplateContent, channel: MessageChannel): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const problem = (field: ContentField, message: string) => problems.push({ field, line: null, column: null, message });
  if (content.body.trim() === '') problem('body', 'Write the message.');
  if (channel === 'email') {
    if (content.subject.trim() === '') problem('subject', 'An email needs a subject.');
    if (content.subject.length > contentLimits.subject) problem('subject', `Keep the subject to ${contentLimits.subject} characters.`);
    if (content.body.length > contentLimits.emailBody) problem('body', `Keep an email to ${contentLimits.emailBody} characters.`);
    if ((content.buttonLabel === null) !== (content.buttonUrl === null)) problem(content.buttonLabel === null ? 'buttonLabel' : 'buttonUrl', 'A button needs both a label and an address.');
    if (content.buttonLabel !== null && content.buttonLabel.length > contentLimits.buttonLabel) problem('buttonLabel', `Keep the button's label to ${contentLimits.buttonLabel} characters.`);
    if (content.buttonUrl !== null && !hasLiquid(content.buttonUrl) && !isWebAddress(content.buttonUrl.trim())) {
      problem('buttonUrl', 'The address must start with https:// (or http://), or be a link variable such as {{ links.productPage }}.');
    }
  } else {
    if (content.subject.trim() !== '') problem('subject', 'A text message has no subject; leave it empty.');
    if (content.buttonLabel !== null || content.buttonUrl !== null) problem(content.buttonLabel !== null ? 'buttonLabel' : 'buttonUrl', 'A text message has no button; put the link in the text.');
    if (content.body.length > contentLimits.smsBody) problem('body', `Keep a text message to ${contentLimits.smsBody} characters (long texts are split and cost more).`);
  }
  return problems;
}

/** Broken Liquid and variables that do not exist, per field, with the line and column of each. */
function liquidProblems(content: TemplateContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const field of fields) {
    const source = content[field];
    if (source === null || source === '') continue;
    let used;
    try {
      used = variablesUsed(source);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems.push({ field, ...error.problem });
      continue;
    }
    for (const variable of used) {
      const check = checkVariable(variable.segments);
      if (check.known) continue;
      const hint = check.suggestion ? ` Did you mean ${check.suggestion}?` : ' See the list of variables.';
      problems.push({ field, line: variable.line, column: variable.column, message: `unknown variable ${variable.text}.${hint}` });
    }
  }
  return problems;
}

/**
 * Everything wrong with a content for a channel: its shape, its Liquid, its variables, and then a
 * render over example values (which catches what only evaluation shows, such as a runaway loop).
 */
export async function checkContent(content: TemplateContent, channel: MessageChannel): Promise<ContentProblem[]> {
  const problems = [...shapeProblems(content, channel), ...liquidProblems(content)];
  if (problems.length > 0) return problems;
  const context = sampleContext(channel);
  for (const field of fields) {
    const source = content[field];
    if (source === null || source === '') continue;
    try {
      await renderLiquid(source, context.variables);
    } catch (error) {
      if (error instanceof TemplateError) problems.push({ field, ...error.problem });
      else throw error;
    }
  }
  if (problems.length > 0) return problems;
  try {
    await renderParts(content, context);
  } catch (error) {
    if (error instanceof UnsendableContent) problems.push({ field: error.field, line: null, column: null, message: `${error.message} (with example values)` });
    else throw error;
  }
  return problems;
}

function sampleContext(channel: MessageChannel): RenderContext & { variables: Record<string, unknown> } {
  return {
    channel,
    class: 'service',
    language: 'en',
    brand: { name: 'Acme', primaryColor: '#1864ab' },
    variables: exampleVariables(),
    preferencesUrl: 'https://openox.example/preferences',
  };
}
