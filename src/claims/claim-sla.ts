/** The instants a claim's service levels are measured between. */
export interface ClaimTimes {
  readonly createdAt: Date;
  readonly statusChangedAt: Date;
  /** The brand's first reply to the owner or first change of status; null until then. */
  readonly firstResponseAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly closedAt: Date | null;
}

/** Service-level figures of one claim, in whole seconds. */
export interface ClaimSla {
  /** Since filing; the clock stops when the claim is closed. */
  readonly ageSeconds: number;
  /** Since the last change of status; stops when the claim is closed. */
  readonly timeInStatusSeconds: number;
  /** Filing to the brand's first response; null while there is none. */
  readonly firstResponseSeconds: number | null;
  /** Filing to resolution; null while unresolved. */
  readonly resolutionSeconds: number | null;
}

/** Age, time in status, first-response and resolution times of a claim as of `now`. */
export function claimSla(times: ClaimTimes, now: Date): ClaimSla {
  const end = times.closedAt ?? now;
  return {
    ageSeconds: secondsBetween(times.createdAt, end),
    timeInStatusSeconds: secondsBetween(times.statusChangedAt, end),
    firstResponseSeconds: times.firstResponseAt ? secondsBetween(times.createdAt, times.firstResponseAt) : null,
    resolutionSeconds: times.resolvedAt ? secondsBetween(times.createdAt, times.resolvedAt) : null,
  };
}

// The database's clock and this process's may differ by a little: a figure is never negative.
function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
}
