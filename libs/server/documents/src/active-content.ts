/**
 * HTML that would run if the text were ever rendered as HTML. The résumé text is never rendered that way here, but it
 * is stored and later shown, quoted and passed around by code that is not ours to vouch for. We refuse rather than
 * strip: stripping is a sanitiser's arms race (`<scr<script>ipt>`, entities, odd whitespace) that silently changes
 * what the user wrote, while a real résumé has no reason to contain any of this, so refusing costs almost nothing and
 * the message tells the user exactly what to take out.
 */
const ACTIVE_HTML: { pattern: RegExp; what: string }[] = [
  { pattern: /<\s*script\b/i, what: 'a <script> tag' },
  { pattern: /<\s*iframe\b/i, what: 'an <iframe> tag' },
  { pattern: /<\s*(?:object|embed)\b/i, what: 'an <object> or <embed> tag' },
  // A URL, not prose: "JavaScript: 5 years" has a space after the colon, `javascript:alert(1)` does not.
  { pattern: /(?<![a-z0-9])(?:java|vb)script\s*:(?=\S)/i, what: 'a javascript: link' },
  // An event handler inside a tag (`<img onerror=…>`), not "onboarding = 2 weeks" in a sentence.
  { pattern: /<[a-z][^<>]*?[\s/"']on[a-z]+\s*=/i, what: 'an HTML event handler (like onclick=)' },
];

/** What active HTML the text contains, as words for a message, or null if none. */
export function findActiveHtml(text: string): string | null {
  return ACTIVE_HTML.find(({ pattern }) => pattern.test(text))?.what ?? null;
}
