import { type Selectable, sql } from 'kysely';
import { diff, recordAudit } from '../../access/audit.ts';
import type { Actor } from '../../access/principal.ts';
import type { BrandScope } from '../../platform/database/tenancy.ts';
import { ApiError } from '../../platform/http/errors.ts';
import { keysetPage } from '../../platform/http/pagination.ts';
import type { MessageChannel } from '../tables.ts';
import type { TemplateContent } from './render-template.ts';
import { type ContentProblem, checkContent, describeProblem } from './template-check.ts';
import type { CreateTemplateInput, TemplateContentInput, TemplateSummary, TemplateView, UpdateTemplateInput } from './template-schema.ts';
import type { TemplateTables } from './tables.ts';

type TemplateRow = Selectable<TemplateTables['message_templates']>;
type ContentRow = Selectable<TemplateTables['message_template_contents']>;

/** A template with its contents by language, as the renderer reads it. */
export interface StoredTemplate {
  readonly row: TemplateRow;
  readonly contents: ReadonlyMap<string, TemplateContent>;
}

function toContent(input: TemplateContentInput): TemplateContent {
  return { subject: input.subject, body: input.body, buttonLabel: input.buttonLabel, buttonUrl: input.buttonUrl };
}

/**
 * Refuses contents that would not render, naming each field as `contents.<language>.<field>` (or
 * `<path>.<field>` for a single draft) with the line and column of the mistake: a 400 the console
 * shows beside the field.
 */
export async function assertContentsRender(channel: MessageChannel, contents: Readonly<Record<string, TemplateContent>>, pathOf = (language: string) => `body.contents.${language}`): Promise<void> {
  const details: { path: string; message: string }[] = [];
  for (const [language, content] of Object.entries(contents)) {
    const problems: ContentProblem[] = await checkContent(content, channel);
    for (const problem of problems) details.push({ path: `${pathOf(language)}.${problem.field}`, message: describeProblem(problem) });
  }
  const first = details[0];
  if (!first) return;
  const where = first.path.replace(/^body\./, '');
  const message = details.length === 1 ? `${where}: ${first.message}` : `${details.length} problems in the template; the first: ${where}: ${first.message}`;
  throw new ApiError('validation_failed', message, details);
}

function assertDefaultLanguage(defaultLanguage: string, languages: readonly string[]): void {
  if (!languages.includes(defaultLanguage)) {
    throw new ApiError('validation_failed', `contents: write the default language (${defaultLanguage}) too: owners whose language has no content get it.`, [
      { path: 'body.contents', message: `There is no content in the default language, ${defaultLanguage}.` },
    ]);
  }
}

export async function createTemplate(scope: BrandScope, actor: Actor, input: CreateTemplateInput): Promise<TemplateView> {
  const contents = Object.fromEntries(Object.entries(input.contents).map(([language, content]) => [language, toContent(content)]));
  assertDefaultLanguage(input.defaultLanguage, Object.keys(contents));
  await assertContentsRender(input.channel, contents);
  const row = await scope.db
    .insertInto('message_templates')
    .values({ brand_id: scope.brandId, key: input.key, name: input.name, channel: input.channel, class: input.class, default_language: input.defaultLanguage })
    .onConflict((conflict) => conflict.columns(['brand_id', 'key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new ApiError('conflict', `There is already a template with the key "${input.key}"; choose another key or change that template.`);
  await writeContents(scope, row.id, contents);
  await recordAudit(scope, actor, {
    action: 'template.created',
    subjectType: 'message_template',
    subjectId: row.id,
    changes: { key: row.key, name: row.name, channel: row.channel, class: row.class, languages: Object.keys(contents).sort() },
  });
  return getTemplate(scope, row.key);
}

async function writeContents(scope: BrandScope, templateId: string, contents: Readonly<Record<string, TemplateContent>>): Promise<void> {
  for (const [language, content] of Object.entries(contents)) {
    const values = { subject: content.subject, body: content.body, button_label: content.buttonLabel, button_url: content.buttonUrl, updated_at: new Date() };
    await scope.db
      .insertInto('message_template_contents')
      .values({ template_id: templateId, brand_id: scope.brandId, language, ...values })
      .onConflict((conflict) => conflict.columns(['template_id', 'language']).doUpdateSet(values))
      .execute();
  }
}

/** The template and its contents, or null. */
export async function findTemplate(scope: BrandScope, key: string): Promise<StoredTemplate | null> {
  const row = await scope.db.selectFrom('message_templates').selectAll().where('brand_id', '=', scope.brandId).where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  const contents = await contentRowsOf(scope, row.id);
  return { row, contents: new Map(contents.map((content) => [content.language, { subject: content.subject, body: content.body, buttonLabel: content.button_label, buttonUrl: content.button_url }])) };
}

function contentRowsOf(scope: BrandScope, templateId: string): Promise<ContentRow[]> {
  return scope.db.selectFrom('message_template_contents').selectAll().where('brand_id', '=', scope.brandId).where('template_id', '=', templateId).orderBy('language').execute();
}

export async function requireTemplate(scope: BrandScope, key: string): Promise<TemplateRow> {
  const row = await scope.db.selectFrom('message_templates').selectAll().where('brand_id', '=', scope.brandId).where('key', '=', key).executeTakeFirst();
  if (!row) throw new ApiError('not_found', `There is no template with the key "${key}" in your brand.`);
  return row;
}

export async function getTemplate(scope: BrandScope, key: string): Promise<TemplateView> {
  const row = await requireTemplate(scope, key);
  const contents = await contentRowsOf(scope, row.id);
  const ordered = [...contents.filter((content) => content.language === row.default_language), ...contents.filter((content) => content.language !== row.default_language)];
  return {
    ...summaryOf(row, ordered.map((content) => content.language)),
    contents: ordered.map((content) => ({
      language: content.language,
      subject: content.subject,
      body: content.body,
      buttonLabel: content.button_label,
      buttonUrl: content.button_url,
      updatedAt: content.updated_at.toISOString(),
    })),
  };
}

function summaryOf(row: TemplateRow, languages: readonly string[]): TemplateSummary {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    channel: row.channel,
    class: row.class,
    defaultLanguage: row.default_language,
    languages: [...languages],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The brand's templates, newest first, each with the languages it is written in. */
export function listTemplates(scope: BrandScope, page: { limit: number; cursor?: string | undefined; channel?: MessageChannel | undefined }) {
  const query = scope.db
    .selectFrom('message_templates as t')
    .selectAll('t')
    .select((eb) =>
      eb.fn
        .coalesce(
          eb.selectFrom('message_template_contents as c').select((inner) => inner.fn.agg<string[]>('array_agg', [inner.ref('c.language')]).as('languages')).whereRef('c.template_id', '=', 't.id'),
          eb.val<string[]>([]),
        )
        .as('languages'),
    )
    .where('t.brand_id', '=', scope.brandId)
    .$if(page.channel !== undefined, (q) => q.where('t.channel', '=', page.channel as MessageChannel));
  return keysetPage(query, page, (row) => summaryOf(row, [...(row.languages ?? [])].sort()), 't.id');
}

export async function updateTemplate(scope: BrandScope, actor: Actor, key: string, input: UpdateTemplateInput): Promise<TemplateView> {
  const row = await requireTemplate(scope, key);
  const before = await getTemplate(scope, key);
  const changed = Object.entries(input.contents ?? {});
  const written = Object.fromEntries(changed.filter(([, content]) => content !== null).map(([language, content]) => [language, toContent(content as TemplateContentInput)]));
  const removed = changed.filter(([, content]) => content === null).map(([language]) => language);
  const languages = [...new Set([...before.languages, ...Object.keys(written)])].filter((language) => !removed.includes(language));
  const defaultLanguage = input.defaultLanguage ?? row.default_language;
  assertDefaultLanguage(defaultLanguage, languages);
  await assertContentsRender(row.channel, written);

  await scope.db
    .updateTable('message_templates')
    .set({ name: input.name ?? row.name, class: input.class ?? row.class, default_language: defaultLanguage, updated_at: new Date() })
    .where('brand_id', '=', scope.brandId)
    .where('id', '=', row.id)
    .execute();
  await writeContents(scope, row.id, written);
  if (removed.length > 0) {
    await scope.db.deleteFrom('message_template_contents').where('brand_id', '=', scope.brandId).where('template_id', '=', row.id).where('language', 'in', removed).execute();
  }
  const after = await getTemplate(scope, key);
  const contentsOf = (view: TemplateView) => Object.fromEntries(view.contents.map(({ updatedAt: _, ...content }) => [content.language, content]));
  await recordAudit(scope, actor, {
    action: 'template.updated',
    subjectType: 'message_template',
    subjectId: row.id,
    changes: diff(
      { name: before.name, class: before.class, defaultLanguage: before.defaultLanguage, ...prefixed(contentsOf(before)) },
      { name: after.name, class: after.class, defaultLanguage: after.defaultLanguage, ...prefixed(contentsOf(after)) },
    ),
  });
  return after;
}

const prefixed = (contents: Record<string, unknown>) => Object.fromEntries(Object.entries(contents).map(([language, content]) => [`contents.${language}`, content]));

/** A journey that still sends a template, with the versions that do: its current one, or older ones with owners inside. */
export interface TemplateUse {
  readonly id: string;
  readonly name: string;
  readonly versions: readonly { readonly version: number; readonly current: boolean; readonly ownersInside: number }[];
}

/**
 * The journeys whose current version sends the template, or whose older versions do and still have
 * owners inside (they finish on the version they entered, so the template must stay until they have).
 */
export async function journeysSending(scope: BrandScope, template: Pick<TemplateRow, 'key' | 'channel'>): Promise<TemplateUse[]> {
  const vars = JSON.stringify({ key: template.key, channel: template.channel });
  const { rows } = await sql<{ id: string; name: string; version: number; current: boolean; owners_inside: number }>`
    select j.id, j.name, v.version, v.id = j.current_version_id as current,
      (select count(*) from journey_runs r where r.journey_version_id = v.id and r.status = 'active')::integer as owners_inside
    from journey_versions v join journeys j on j.id = v.journey_id
    where jsonb_path_exists(v.definition, '$.steps[*] ? (@.type == "send" && @.template == $key && @.channel == $channel)', ${vars}::jsonb)
    order by j.name, j.id, v.version desc`.execute(scope.db);
  const uses = new Map<string, { id: string; name: string; versions: TemplateUse['versions'][number][] }>();
  for (const row of rows.filter((candidate) => candidate.current || candidate.owners_inside > 0)) {
    const use = uses.get(row.id) ?? { id: row.id, name: row.name, versions: [] };
    use.versions.push({ version: row.version, current: row.current, ownersInside: row.owners_inside });
    uses.set(row.id, use);
  }
  return [...uses.values()];
}

function describeUses(uses: readonly TemplateUse[]): string {
  const versionText = (version: TemplateUse['versions'][number]) =>
    version.current ? `v${version.version}, current` : `v${version.version}, ${version.ownersInside} ${version.ownersInside === 1 ? 'owner' : 'owners'} still inside`;
  const journeys = uses.map((use) => `"${use.name}" (${use.versions.map(versionText).join('; ')})`).join(', ');
  const waitForOlder = uses.some((use) => use.versions.some((version) => !version.current));
  return `Journeys still send this template: ${journeys}. Make their send steps use another template${waitForOlder ? ' and let the owners on older versions finish' : ''}, then remove it.`;
}

/** Removes a template no journey sends any more; one that a journey still sends is refused, naming the journeys. */
export async function deleteTemplate(scope: BrandScope, actor: Actor, key: string): Promise<void> {
  const row = await requireTemplate(scope, key);
  const uses = await journeysSending(scope, row);
  if (uses.length > 0) throw new ApiError('template_in_use', describeUses(uses), { journeys: uses });
  await scope.db.deleteFrom('message_templates').where('brand_id', '=', scope.brandId).where('id', '=', row.id).execute();
  await recordAudit(scope, actor, { action: 'template.deleted', subjectType: 'message_template', subjectId: row.id, changes: { key: row.key, name: row.name } });
}
