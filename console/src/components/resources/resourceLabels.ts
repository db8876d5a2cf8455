// Human wording for the resource enums.
import { resourceKinds, resourceStages } from '../../types';

export const kindLabels: Record<(typeof resourceKinds)[number], string> = {
  manual: 'Manual',
  quick_start: 'Quick start',
  video: 'Video',
  faq: 'FAQ',
  troubleshooting: 'Troubleshooting',
};

export const stageLabels: Record<(typeof resourceStages)[number], string> = {
  unboxing: 'Unboxing',
  onboarding: 'Onboarding',
  enjoying: 'Enjoying',
  sharing: 'Sharing',
  caring: 'Caring',
};

export const kindOptions = resourceKinds.map((value) => ({ value, label: kindLabels[value] }));
export const stageOptions = resourceStages.map((value) => ({ value, label: stageLabels[value] }));
