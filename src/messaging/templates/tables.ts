import type { Generated } from 'kysely';
import type { MessageChannel, MessageClass } from '../tables.ts';

export interface TemplateTables {
  message_templates: {
    id: Generated<string>;
    brand_id: string;
    key: string;
    name: string;
    channel: MessageChannel;
    class: MessageClass;
    default_language: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  message_template_contents: {
    template_id: string;
    brand_id: string;
    language: string;
    subject: Generated<string>;
    body: string;
    button_label: string | null;
    button_url: string | null;
    updated_at: Generated<Date>;
  };
}
