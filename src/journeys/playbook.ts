import type { Actor } from '../access/principal.ts';
import type { BrandScope } from '../platform/database/tenancy.ts';
import { ApiError } from '../platform/http/errors.ts';
import { createTemplate, findTemplate } from '../messaging/templates/templates.ts';
import type { CreateTemplateInput } from '../messaging/templates/template-schema.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from './definition.ts';
import { createJourney } from './journeys.ts';

/** A ready journey a brand can switch on and edit, with the templates it sends. */
export interface PlaybookJourney {
  readonly key: string;
  readonly name: string;
  readonly summary: string;
  readonly definition: JourneyDefinition;
  readonly templates: readonly CreateTemplateInput[];
}

const email = (key: string, name: string, kind: 'marketing' | 'service', en: [string, string, string?, string?], es: [string, string, string?, string?]): CreateTemplateInput => ({
  key,
  name,
  channel: 'email',
  class: kind,
  defaultLanguage: 'en',
  contents: Object.fromEntries(
    ([['en', en], ['es', es]] as const).map(([language, [subject, body, buttonLabel, buttonUrl]]) => [language, { subject, body, buttonLabel: buttonLabel ?? null, buttonUrl: buttonUrl ?? null }]),
  ),
});

const definition = (input: unknown) => journeyDefinitionSchema.parse(input);

export const playbook: readonly PlaybookJourney[] = [
  {
    key: 'welcome-series',
    name: 'Welcome series',
    summary: 'Thanks the owner on registration, then shows what else the product can do a week later.',
    definition: definition({
      trigger: { kind: 'event', event: 'ownership.registered' },
      steps: [
        { id: 'welcome', type: 'send', channel: 'email', template: 'playbook-welcome', next: 'week' },
        { id: 'week', type: 'wait', duration: { days: 7 }, next: 'morning' },
        { id: 'morning', type: 'wait_until', time: '10:00', next: 'more' },
        { id: 'more', type: 'send', channel: 'email', template: 'playbook-get-more' },
      ],
    }),
    templates: [
      email('playbook-welcome', 'Welcome (playbook)', 'marketing',
        ['Welcome to your {{ product.name }}, {{ owner.firstName }}', 'Thank you for registering your {{ product.name }}. Your warranty, manual and quick-start guide are on your product page.', 'See my product', '{{ links.productPage }}'],
        ['Bienvenido a tu {{ product.name }}, {{ owner.firstName }}', 'Gracias por registrar tu {{ product.name }}. La garantía, el manual y la guía rápida están en la página de tu producto.', 'Ver mi producto', '{{ links.productPage }}']),
      email('playbook-get-more', 'Get more from your product (playbook)', 'marketing',
        ['Get more from your {{ product.name }}', 'A week in, here is what owners like most, and the accessories that go with it.', 'See accessories', '{{ links.accessories }}'],
        ['Saca más partido a tu {{ product.name }}', 'Tras una semana, esto es lo que más gusta a otros propietarios, y los accesorios que lo acompañan.', 'Ver accesorios', '{{ links.accessories }}']),
    ],
  },
  {
    key: 'quick-start-tips',
    name: 'Quick-start tips on day 3',
    summary: 'Three days after registration, at 10:00 in the owner\'s time zone: tips for the first weeks.',
    definition: definition({
      trigger: { kind: 'event', event: 'ownership.registered' },
      steps: [
        { id: 'three-days', type: 'wait', duration: { days: 3 }, next: 'morning' },
        { id: 'morning', type: 'wait_until', time: '10:00', next: 'tips' },
        { id: 'tips', type: 'send', channel: 'email', template: 'playbook-quick-start', next: 'stage' },
        { id: 'stage', type: 'update', stage: 'enjoying' },
      ],
    }),
    templates: [
      email('playbook-quick-start', 'Quick-start tips (playbook)', 'marketing',
        ['Three tips for your {{ product.name }}', 'Owners who follow the quick-start guide get the most from their {{ product.name }}. It is on your product page, with the maintenance schedule.', 'Open the guide', '{{ links.productPage }}'],
        ['Tres consejos para tu {{ product.name }}', 'Quienes siguen la guía rápida sacan más partido a su {{ product.name }}. Está en la página de tu producto, con el plan de mantenimiento.', 'Abrir la guía', '{{ links.productPage }}']),
    ],
  },
  {
    key: 'review-request',
    name: 'Review request after real use',
    summary: 'Every verified owner is asked after 45 days of use, whatever their sentiment; with an open claim, once it is resolved. Goal: a review written on OpenOX (it shows a verified-owner badge).',
    definition: definition({
      trigger: { kind: 'date', attribute: 'purchase_date', offsetDays: 45 },
      // The review link in the email is OpenOX's own signed page for the product (links.review).
      goal: { event: 'review.submitted', withinDays: 120 },
      // Asked once per product: an owner who has reviewed it already is not asked again.
      conditions: { fact: 'ownership.reviewed', op: 'eq', value: false },
      steps: [
        { id: 'claims', type: 'branch', condition: { fact: 'claims.open', op: 'eq', value: 0 }, then: 'morning', else: 'resolved' },
        { id: 'resolved', type: 'wait_for_event', event: 'claim.status_changed', until: { fact: 'claims.open', op: 'eq', value: 0 }, timeout: { days: 90 }, onEvent: 'morning' },
        { id: 'morning', type: 'wait_until', time: '10:00', next: 'ask' },
        { id: 'ask', type: 'send', channel: 'email', template: 'playbook-review', next: 'written' },
        // Kept inside after asking, so a review written from the email counts as the journey's conversion.
        { id: 'written', type: 'wait_for_event', event: 'review.submitted', timeout: { days: 30 } },
      ],
    }),
    templates: [
      email('playbook-review', 'Review request (playbook)', 'marketing',
        ['How is your {{ product.name }}?', 'You have had your {{ product.name }} for a while now. Tell other owners what you think, good or bad: your review shows as a verified owner\'s.', 'Write a review', '{{ links.review }}'],
        ['¿Qué tal tu {{ product.name }}?', 'Ya llevas un tiempo con tu {{ product.name }}. Cuéntales a otros propietarios lo que piensas, bueno o malo: tu reseña aparece como de propietario verificado.', 'Escribir una reseña', '{{ links.review }}']),
    ],
  },
  {
    key: 'extended-cover',
    name: 'Warranty ending: extended cover',
    summary: 'When the warranty is about to end, offers a care plan; a 10% holdout measures the lift. Goal: a care plan bought.',
    definition: definition({
      trigger: { kind: 'event', event: 'warranty.expiring', entry: 'per_event' },
      conditions: { fact: 'coverage.carePlan', op: 'eq', value: false },
      goal: { event: 'care_plan.added', withinDays: 30 },
      steps: [
        { id: 'holdout', type: 'split', paths: [{ percent: 90, next: 'offer' }], holdoutPercent: 10 },
        { id: 'offer', type: 'send', channel: 'email', template: 'playbook-extended-cover', offer: { title: 'Three more years of cover', description: 'Parts and labour, with repairs at home.' }, next: 'wait' },
        { id: 'wait', type: 'wait_for_event', event: 'care_plan.added', timeout: { days: 14 }, onTimeout: 'reminder' },
        { id: 'reminder', type: 'send', channel: 'email', template: 'playbook-extended-cover-reminder' },
      ],
    }),
    templates: [
      email('playbook-extended-cover', 'Extended cover offer (playbook)', 'marketing',
        ['Your {{ product.name }} warranty ends on {{ coverage.until }}', '{{ offer.title }}: {{ offer.description }} Keep your {{ product.name }} covered after {{ coverage.until }}.', 'Extend my cover', '{{ links.productPage }}'],
        ['La garantía de tu {{ product.name }} termina el {{ coverage.until }}', '{{ offer.title }}: {{ offer.description }} Mantén tu {{ product.name }} cubierto después del {{ coverage.until }}.', 'Ampliar mi cobertura', '{{ links.productPage }}']),
      email('playbook-extended-cover-reminder', 'Extended cover reminder (playbook)', 'marketing',
        ['Still time to extend your cover', 'Your {{ product.name }} warranty ends on {{ coverage.until }}. Extended cover can still be added until then.', 'Extend my cover', '{{ links.productPage }}'],
        ['Aún puedes ampliar tu cobertura', 'La garantía de tu {{ product.name }} termina el {{ coverage.until }}. Hasta entonces puedes añadir la cobertura ampliada.', 'Ampliar mi cobertura', '{{ links.productPage }}']),
    ],
  },
  {
    key: 'maintenance-reminders',
    name: 'Maintenance reminders',
    summary: 'Each maintenance task that falls due (filter, descaling) is a reminder, at 10:00 local time.',
    definition: definition({
      trigger: { kind: 'event', event: 'maintenance.due', entry: 'per_event' },
      steps: [
        { id: 'morning', type: 'wait_until', time: '10:00', next: 'remind' },
        { id: 'remind', type: 'send', channel: 'email', template: 'playbook-maintenance' },
      ],
    }),
    templates: [
      email('playbook-maintenance', 'Maintenance reminder (playbook)', 'service',
        ['Time for maintenance on your {{ product.name }}', 'A maintenance task for your {{ product.name }} is due. The steps are on your product page.', 'See what to do', '{{ links.productPage }}'],
        ['Toca el mantenimiento de tu {{ product.name }}', 'Hay una tarea de mantenimiento pendiente para tu {{ product.name }}. Los pasos están en la página de tu producto.', 'Ver qué hacer', '{{ links.productPage }}']),
    ],
  },
  {
    key: 'claim-survey',
    name: 'Post-claim satisfaction survey',
    summary: 'Two days after a claim is resolved, asks how it went.',
    definition: definition({
      trigger: { kind: 'event', event: 'claim.status_changed', entry: 'per_event' },
      conditions: { fact: 'event.data.to', op: 'eq', value: 'resolved' },
      steps: [
        { id: 'two-days', type: 'wait', duration: { days: 2 }, next: 'morning' },
        { id: 'morning', type: 'wait_until', time: '10:00', next: 'ask' },
        { id: 'ask', type: 'send', channel: 'email', template: 'playbook-claim-survey' },
      ],
    }),
    templates: [
      email('playbook-claim-survey', 'Claim survey (playbook)', 'service',
        ['How did we do with your {{ product.name }}?', 'Your claim is resolved. Reply to this email and tell us how it went: every answer is read.'],
        ['¿Qué tal lo hicimos con tu {{ product.name }}?', 'Tu reclamación está resuelta. Responde a este correo y cuéntanos cómo fue: leemos todas las respuestas.']),
    ],
  },
];

/**
 * Creates the playbook journey `key` for the brand, switched off, with its templates (a template the
 * brand already has under that key is kept as the brand wrote it). Answers the new journey's id.
 */
export async function adoptPlaybookJourney(scope: BrandScope, actor: Actor, key: string): Promise<string> {
  const entry = playbook.find((candidate) => candidate.key === key);
  if (!entry) throw new ApiError('not_found', `There is no playbook journey "${key}"; the playbook has ${playbook.map((p) => p.key).join(', ')}.`);
  for (const template of entry.templates) {
    if (!(await findTemplate(scope, template.key))) await createTemplate(scope, actor, template);
  }
  const { journey } = await createJourney(scope, actor, { name: entry.name, definition: entry.definition, playbookKey: entry.key });
  return journey.id;
}
