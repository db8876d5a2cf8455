// The condition editor shows a condition as a group: all of / any of / none of its rows and subgroups.
// Every condition the API takes reads as one, so nothing typed in the JSON tab is lost.
import type { JourneyCondition, JourneyTest } from '../../types';

export type GroupMode = 'all' | 'any' | 'none';

export interface ConditionGroup {
  mode: GroupMode;
  items: JourneyCondition[];
}

export const groupModeLabels: Record<GroupMode, string> = { all: 'All of', any: 'Any of', none: 'None of' };

export function isTest(condition: JourneyCondition): condition is JourneyTest {
  return 'fact' in condition;
}

export function groupOf(condition: JourneyCondition | null | undefined): ConditionGroup {
  if (!condition) return { mode: 'all', items: [] };
  if ('all' in condition) return { mode: 'all', items: condition.all };
  if ('any' in condition) return { mode: 'any', items: condition.any };
  if ('not' in condition) return { mode: 'none', items: 'any' in condition.not ? condition.not.any : [condition.not] };
  return { mode: 'all', items: [condition] };
}

export function conditionOf(group: ConditionGroup): JourneyCondition {
  if (group.mode === 'all') return { all: group.items };
  if (group.mode === 'any') return { any: group.items };
  return { not: { any: group.items } };
}

/** Where the API reports a problem with the group's item `index` (its `path` in a 400's details). */
export function itemPath(base: string, group: ConditionGroup, index: number): string {
  return group.mode === 'none' ? `${base}.not.any.${index}` : `${base}.${group.mode}.${index}`;
}

export const blankTest: JourneyTest = { fact: '', op: 'eq', value: '' };
