import type { Generated } from 'kysely';
import type { MessageChannel } from '../tables.ts';

export interface ClickTables {
  message_links: {
    id: Generated<string>;
    brand_id: string;
    token: string;
    /** The dedupe key of the message the link is in; null for a link shared by a campaign. */
    dedupe_key: string | null;
    owner_id: string | null;
    channel: MessageChannel;
    campaign: string;
    template_key: string;
    url: string;
    created_at: Generated<Date>;
  };
  message_clicks: {
    id: Generated<string>;
    brand_id: string;
    link_id: string;
    clicked_at: Generated<Date>;
    user_agent_hash: string | null;
  };
}
