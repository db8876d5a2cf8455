import { gs1Vocabulary } from './link-types.ts';

/** The resolver description file a GS1-conformant resolver serves at `/.well-known/gs1resolver`. */
export interface ResolverDescription {
  readonly name: string;
  /** Where Digital Link paths (`/01/...`) are resolved: OpenOX serves them at the root of its public origin. */
  readonly resolverRoot: string;
  /** Numeric AIs of the GS1 keys resolved: OpenOX resolves products, so GTIN (01) only. */
  readonly supportedPrimaryKeys: readonly string[];
  readonly supportedLinkType: readonly { readonly namespace: string; readonly prefix: string }[];
  /** Whether a brand may make the linkset the default answer instead of a redirect; OpenOX always redirects. */
  readonly linkTypeDefaultCanBeLinkset: boolean;
}

export function resolverDescription(publicUrl: string, brandName?: string): ResolverDescription {
  return {
    name: brandName ? `${brandName} product links (OpenOX)` : 'OpenOX product links',
    resolverRoot: publicUrl.replace(/\/+$/, ''),
    supportedPrimaryKeys: ['01'],
    supportedLinkType: [{ namespace: gs1Vocabulary, prefix: 'gs1:' }],
    linkTypeDefaultCanBeLinkset: false,
  };
}
