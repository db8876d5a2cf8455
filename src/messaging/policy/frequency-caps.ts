/** At most `limit` marketing messages per owner on a channel in any `periodHours` (a rolling window). */
export interface FrequencyCap {
  readonly limit: number;
  readonly periodHours: number;
}

/**
 * The first instant at or after `now` when one more message fits under every cap, given when earlier
 * marketing messages went (`sent`, any order). A message sent at `t` stops counting at `t + period`.
 */
export function capsFreeAt(sent: readonly Date[], caps: readonly FrequencyCap[], now: Date): Date {
  let free = now.getTime();
  for (const cap of caps) {
    const periodMs = cap.periodHours * 3_600_000;
    const inWindow = sent.map((at) => at.getTime()).filter((at) => at > now.getTime() - periodMs).sort((a, b) => a - b);
    if (inWindow.length < cap.limit) continue;
    // Once the oldest `inWindow.length - cap.limit + 1` have left the window, one more fits.
    const leaving = inWindow[inWindow.length - cap.limit] as number;
    free = Math.max(free, leaving + periodMs);
  }
  return new Date(free);
}
