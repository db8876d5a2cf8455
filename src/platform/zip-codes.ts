import { createRequire } from 'node:module';
import type { ZipCode } from 'zipcodes';

/** The `zipcodes` package's offline data: US ZIP codes and Canadian forward sortation areas. */
export interface ZipCodes {
  lookup(zip: string): ZipCode | undefined;
}

let dataset: ZipCodes | undefined;

/** The dataset is some 5 MB of JavaScript: loaded on the first lookup, not when the server starts. */
export function zipCodes(): ZipCodes {
  dataset ??= createRequire(import.meta.url)('zipcodes') as ZipCodes;
  return dataset;
}
