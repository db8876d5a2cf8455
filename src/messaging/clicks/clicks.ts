import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../platform/database/database.ts';
import { type BrandScope, asBrandId, inBrand } from '../../platform/database/tenancy.ts';
import { publishEvent } from '../../platform/events/publish.ts';
import { withUtm } from './utm.ts';

export const linkTokenPattern = /^[A-Za-z0-9_-]{22}$/;

function userAgentHash(userAgent: string | undefined): string | null {
  return userAgent ? createHash('sha256').update(userAgent).digest('base64url').slice(0, 22) : null;
}

/**
 * Follows a tracked link: records the click (unless `record` is false: a HEAD request, which
 * previews and scanners send) and answers where to send the visitor, with UTM tags. The first click
 * on a message's link publishes `message.link_clicked` about its owner, for journeys' goals and
 * waits. Null for a token OpenOX never gave out.
 */
export async function followLink(db: Db, token: string, visit: { record: boolean; userAgent: string | undefined }): Promise<string | null> {
  if (!linkTokenPattern.test(token)) return null;
  const { rows } = await sql<{ id: string; brand_id: string }>`select id, brand_id from message_link_by_token(${token})`.execute(db);
  const found = rows[0];
  if (!found) return null;
  return inBrand(db, asBrandId(found.brand_id), async (scope) => {
    // Locked while clicked: two first clicks at once publish one event.
    const link = await scope.db.selectFrom('message_links').selectAll().where('brand_id', '=', scope.brandId).where('id', '=', found.id)
      .$if(visit.record, (q) => q.forUpdate()).executeTakeFirstOrThrow();
    if (visit.record) {
      const earlier = await scope.db.selectFrom('message_clicks').select('id').where('brand_id', '=', scope.brandId).where('link_id', '=', link.id).limit(1).executeTakeFirst();
      await scope.db.insertInto('message_clicks').values({ brand_id: scope.brandId, link_id: link.id, user_agent_hash: userAgentHash(visit.userAgent) }).execute();
      if (!earlier && link.owner_id) {
        await publishEvent(scope, {
          type: 'message.link_clicked',
          subjectType: 'owner',
          subjectId: link.owner_id,
          payload: { linkId: link.id, url: link.url, channel: link.channel, campaign: link.campaign, templateKey: link.template_key, dedupeKey: link.dedupe_key },
        });
      }
    }
    return withUtm(link.url, { medium: link.channel, campaign: link.campaign, content: link.template_key });
  });
}

export const linkClicksQuery = z.object({
  campaign: z.string().min(1).max(200).meta({ description: 'The campaign (a journey slug, or a template key for messages sent outside a journey).' }),
  templateKey: z.string().min(1).max(63).optional(),
});

export const linkClicksView = z.object({
  campaign: z.string(),
  templateKey: z.string(),
  url: z.string(),
  links: z.number().int().meta({ description: 'Tracked links made for this address: one per message (or one shared, outside messages).' }),
  clickedLinks: z.number().int().meta({ description: 'Of those, how many were clicked at least once.' }),
  clicks: z.number().int().meta({ description: 'Every click, repeats included.' }),
  lastClickAt: z.string().nullable(),
}).meta({ id: 'LinkClicks' });
export type LinkClicks = z.output<typeof linkClicksView>;

/** Clicks on a campaign's links, per template and address, most clicked first. */
export async function linkClicks(scope: BrandScope, query: z.output<typeof linkClicksQuery>): Promise<LinkClicks[]> {
  const rows = await scope.db
    .selectFrom('message_links as l')
    .leftJoin('message_clicks as c', 'c.link_id', 'l.id')
    .select((eb) => [
      'l.campaign',
      'l.template_key',
      'l.url',
      eb.fn.count<number>(sql`distinct l.id`).as('links'),
      eb.fn.count<number>(sql`distinct c.link_id`).as('clicked_links'),
      eb.fn.count<number>('c.id').as('clicks'),
      eb.fn.max('c.clicked_at').as('last_click_at'),
    ])
    .where('l.brand_id', '=', scope.brandId)
    .where('l.campaign', '=', query.campaign)
    .$if(query.templateKey !== undefined, (q) => q.where('l.template_key', '=', query.templateKey as string))
    .groupBy(['l.campaign', 'l.template_key', 'l.url'])
    .orderBy('clicks', 'desc')
    .orderBy('l.url')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    campaign: row.campaign,
    templateKey: row.template_key,
    url: row.url,
    links: row.links,
    clickedLinks: row.clicked_links,
    clicks: row.clicks,
    lastClickAt: row.last_click_at ? new Date(row.last_click_at).toISOString() : null,
  }));
}
