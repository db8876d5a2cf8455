import { Liquid, type Template } from 'liquidjs';

// Brand-authored text is data, not code: Liquid evaluates expressions over the values it is given and
// nothing else. No file system (`templates: {}`; include, render and layout are removed), only own
// properties of the context, unknown filters refused, and limits so a loop cannot hold a worker.
const engine = new Liquid({
  templates: {},
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  timezoneOffset: 0,
  parseLimit: 50_000,
  renderLimit: 250,
  memoryLimit: 1_000_000,
});
for (const tag of ['include', 'render', 'layout', 'block']) delete (engine.tags as Record<string, unknown>)[tag];

// `{{ coverage.until | long_date }}`: a 'YYYY-MM-DD' day written out in the message's language.
engine.registerFilter('long_date', function longDate(this: { context: { getSync(paths: string[]): unknown } }, value: unknown) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return value ?? '';
  const language = this.context.getSync(['owner', 'language']);
  const day = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return value;
  return new Intl.DateTimeFormat(typeof language === 'string' ? language : 'en', { dateStyle: 'long', timeZone: 'UTC' }).format(day);
});

/** Where a template went wrong, in the author's terms. */
export interface TemplateProblem {
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
}

export class TemplateError extends Error {
  readonly problem: TemplateProblem;
  constructor(problem: TemplateProblem) {
    super(problem.message);
    this.name = 'TemplateError';
    this.problem = problem;
  }
}

/** Liquid's messages end in ", line:3, col:7"; that becomes the problem's place. */
function problemOf(error: unknown): TemplateProblem {
  const text = error instanceof Error ? error.message : String(error);
  const place = /,?\s*line:(\d+), col:(\d+)\s*$/.exec(text);
  const raw = place ? text.slice(0, place.index) : text;
  const message = /^(memory alloc|template render) limit exceeded/.test(raw)
    ? 'this does too much work to render (a loop over too many items, or text grown too long); simplify it'
    : /^parse length limit exceeded/.test(raw)
      ? 'this is too long to be a message template'
      : raw.replace(/^tag "(include|render|layout|block)" not found/, 'the $1 tag is not available in message templates');
  return { line: place ? Number(place[1]) : null, column: place ? Number(place[2]) : null, message };
}

// Rendering the same content for every owner of a journey: parse it once.
const parsed = new Map<string, Template[]>();
const parsedKept = 500;

/** The parsed template; throws TemplateError when the Liquid is broken. */
export function parseTemplate(source: string): Template[] {
  const cached = parsed.get(source);
  if (cached) return cached;
  let templates: Template[];
  try {
    templates = engine.parse(source);
  } catch (error) {
    throw new TemplateError(problemOf(error));
  }
  if (parsed.size >= parsedKept) parsed.delete(parsed.keys().next().value as string);
  parsed.set(source, templates);
  return templates;
}

export interface UsedVariable {
  readonly segments: readonly unknown[];
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** Variables the template reads from its context (not those it assigns itself), each path once, where it is first used. */
export function variablesUsed(source: string): UsedVariable[] {
  const analysis = engine.analyzeSync(parseTemplate(source), { partials: false });
  const used = new Map<string, UsedVariable>();
  for (const uses of Object.values(analysis.globals)) {
    for (const use of uses) {
      const text = use.toString();
      if (!used.has(text)) used.set(text, { segments: use.segments, text, line: use.location.row, column: use.location.col });
    }
  }
  return [...used.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Renders parsed Liquid over `context`; throws TemplateError when evaluation fails (a limit, a bad filter argument). */
export async function renderLiquid(source: string, context: Record<string, unknown>): Promise<string> {
  try {
    return await engine.render(parseTemplate(source), context);
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw new TemplateError(problemOf(error));
  }
}
