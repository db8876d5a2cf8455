// A template's body is plain text: paragraphs split by blank lines, bare web addresses, and links
// written `[words](https://…)`. The same text becomes the plain-text part, the HTML part and an SMS,
// so a brand writes it once and no HTML from the brand ever reaches an email.

export type BodyPiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'link'; readonly label: string | null; readonly url: string };

/** `[label](url)` or a bare http(s) address; a bare one ends before trailing punctuation. */
const linkPattern = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>"]+)/gi;
const trailingPunctuation = /[.,;:!?'’)\]]+$/;

/** The body's text and links, in order. */
export function bodyPieces(text: string): BodyPiece[] {
  const pieces: BodyPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    const start = match.index;
    let end = start + match[0].length;
    let piece: BodyPiece;
    if (match[1] !== undefined && match[2] !== undefined) {
      piece = { kind: 'link', label: match[1], url: match[2] };
    } else {
      const url = (match[3] as string).replace(trailingPunctuation, '');
      end = start + url.length;
      piece = { kind: 'link', label: null, url };
    }
    if (start > last) pieces.push({ kind: 'text', text: text.slice(last, start) });
    pieces.push(piece);
    last = end;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** Every address the body links to, once each, in order. */
export function bodyLinks(text: string): string[] {
  return [...new Set(bodyPieces(text).flatMap((piece) => (piece.kind === 'link' ? [piece.url] : [])))];
}

/** The plain-text form: a labelled link reads "label (address)". */
export function bodyText(text: string, address: (url: string) => string): string {
  return bodyPieces(text)
    .map((piece) => (piece.kind === 'text' ? piece.text : piece.label === null ? address(piece.url) : `${piece.label} (${address(piece.url)})`))
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The HTML form: escaped text, one <p> per paragraph, line breaks kept, links as <a>. */
export function bodyHtml(text: string, address: (url: string) => string, linkColor: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').trim().split(/\n[ \t]*\n+/);
  return paragraphs
    .map((paragraph) => {
      const inner = bodyPieces(paragraph.trim())
        .map((piece) =>
          piece.kind === 'text'
            ? escapeHtml(piece.text).replace(/\n/g, '<br />')
            : `<a href="${escapeHtml(address(piece.url))}" style="color:${escapeHtml(linkColor)}">${escapeHtml(piece.label ?? piece.url)}</a>`,
        )
        .join('');
      return `<p style="margin:0 0 16px">${inner}</p>`;
    })
    .join('');
}

/** The first words of the body, for the inbox's preview line. */
export function previewLine(text: string, length = 110): string {
  const plain = bodyPieces(text)
    .map((piece) => (piece.kind === 'text' ? piece.text : piece.label ?? ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length <= length ? plain : `${plain.slice(0, length - 1).trimEnd()}…`;
}
