import { type LifecycleStage, type ResourceKind, lifecycleStages } from '../catalog/model-schema.ts';

/** Which kinds of help serve an owner best at each stage: the steps first while setting up, fixes first while caring. */
const kindOrderByStage: Readonly<Record<LifecycleStage, readonly ResourceKind[]>> = {
  unboxing: ['quick_start', 'video', 'manual', 'faq', 'troubleshooting'],
  onboarding: ['quick_start', 'video', 'manual', 'faq', 'troubleshooting'],
  enjoying: ['faq', 'video', 'manual', 'troubleshooting', 'quick_start'],
  sharing: ['faq', 'manual', 'video', 'troubleshooting', 'quick_start'],
  caring: ['troubleshooting', 'faq', 'manual', 'video', 'quick_start'],
};

/** For a page with no ownership behind it: reference first, then guides, then answers. */
const neutralKindOrder: readonly ResourceKind[] = ['manual', 'quick_start', 'video', 'faq', 'troubleshooting'];

/** The order of the kinds of help for an owner at `stage` (null: a visitor whose stage is not known). */
export function kindOrderFor(stage: LifecycleStage | null): readonly ResourceKind[] {
  return stage ? kindOrderByStage[stage] : neutralKindOrder;
}

interface Orderable {
  readonly kind: ResourceKind;
  readonly stage: LifecycleStage;
}

/**
 * Resources in the order that fits an owner at `stage`: those meant for this stage first, then the
 * nearer stages (the next one before the previous one: what is coming is more useful than what is
 * done), and within a stage by the kinds that serve the stage best. Equal ones keep their given order.
 * Without a stage, resources follow the lifecycle from unboxing on.
 */
export function orderForStage<Resource extends Orderable>(resources: readonly Resource[], stage: LifecycleStage | null): Resource[] {
  const here = stage ? lifecycleStages.indexOf(stage) : 0;
  const kinds = kindOrderFor(stage);
  const key = (resource: Resource) => {
    const offset = lifecycleStages.indexOf(resource.stage) - here;
    return [Math.abs(offset), offset < 0 ? 1 : 0, kinds.indexOf(resource.kind)] as const;
  };
  return resources
    .map((resource, index) => ({ resource, index, key: key(resource) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.index - b.index)
    .map(({ resource }) => resource);
}
