/** The list with `saved` in place of the item of the same id, or added at the end if it is new. */
export function upsertById<Item extends { id: string }>(items: readonly Item[], saved: Item): Item[] {
  return items.some((item) => item.id === saved.id) ? items.map((item) => (item.id === saved.id ? saved : item)) : [...items, saved];
}
