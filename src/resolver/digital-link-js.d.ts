// The parts of digital-link.js (which ships no types) that OpenOX uses.
declare module 'digital-link.js' {
  interface DigitalLinkUtils {
    /** True only when the last path segment is a compressed GS1 Digital Link that decompresses to a valid one. */
    isCompressedWebUri(uri: string): boolean;
    /** The uncompressed URI, keeping the origin, any path prefix and the query string. */
    decompressWebUri(uri: string): string;
    compressWebUri(uri: string, useOptimisations?: boolean, compressOtherKeyValuePairs?: boolean): string;
    /** Index of the primary key's AI (any GS1 key, not only GTIN) in path segments read pairwise from the end, or -1. */
    getIdentifierCodeIndex(segments: readonly string[]): number;
  }
  interface DigitalLinkObject {
    /** Checks the whole URI against the library's ABNF grammar of GS1 Digital Link, and the check digit. */
    isValid(): boolean;
  }
  const digitalLinkJs: {
    readonly DigitalLink: (uri: string) => DigitalLinkObject;
    readonly Utils: DigitalLinkUtils;
    readonly webVoc: { readonly linkType: Readonly<Record<string, string>> };
  };
  export default digitalLinkJs;
}
