import { previewTemplateFor, renderTemplateFor } from '../messaging/templates/render-for.ts';
import { ApiError } from '../platform/http/errors.ts';
import type { StepEffects } from './step-effects.ts';

/** The engine's effects with OpenOX's own templates: links tracked when sending, left alone in a preview. */
export function journeyEffects(publicUrl: string): StepEffects {
  return {
    async render(scope, request) {
      const render = request.dedupeKey ? renderTemplateFor : previewTemplateFor;
      try {
        const message = await render(scope, {
          templateKey: request.templateKey,
          channel: request.channel,
          ownerId: request.ownerId,
          ownershipId: request.ownershipId,
          extra: request.offer ? { offer: request.offer } : undefined,
          trackingCampaign: request.campaign,
          dedupeKey: request.dedupeKey ?? undefined,
          publicUrl,
        });
        return { ok: true, message };
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'template_not_renderable')) return { ok: false, reason: error.message };
        throw error;
      }
    },
  };
}
