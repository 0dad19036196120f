/** Small text helpers shared by the document parsers. */

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Collapses runs of whitespace (newlines included) into single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Drops Markdown emphasis markers: `**Data Fetching**` → `Data Fetching`, `*which* blogs` → `which blogs`. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*/g, '').replace(/(^|[\s(])\*(\S(?:[^*]*\S)?)\*(?=[\s.,;:!?)]|$)/g, '$1$2');
}

/** Leading list glyphs the sources use: "- ", "• ", "✓", "✗", "★". */
export function stripBullet(text: string): string {
  return text.replace(/^\s*(?:[-–•✓✗★]\s*)+/u, '').trim();
}

/** Upper-cases the first letter, except in names such as "gRPC" or "iOS" whose case is part of the name. */
export function capitalizeFirst(text: string): string {
  if (text.length === 0 || /^\p{Ll}+\p{Lu}/u.test(text)) return text;
  return text[0].toUpperCase() + text.slice(1);
}

/** Cleans one list item or short field: bullets, bold markers and whitespace. */
export function cleanItem(text: string): string {
  return capitalizeFirst(squash(stripEmphasis(stripBullet(text))));
}

/**
 * Splits prose into sentences. Abbreviations such as "e.g." and "vs." never end a sentence here
 * because a sentence break needs a capital letter (or a digit) after the space.
 */
export function splitSentences(text: string): string[] {
  return squash(text)
    .split(/(?<=[.!?]['"’”]?)\s+(?=[A-Z0-9“"'])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Product and technology names written in camel case; a concatenated list is never split inside one.
 * (Generic vocabulary, not tied to one document: it only prevents false splits.)
 */
export const CAMEL_CASE_TERMS = [
  'GraphQL',
  'gRPC',
  'RabbitMQ',
  'NestJS',
  'DevOps',
  'JavaScript',
  'TypeScript',
  'ClickHouse',
  'CockroachDB',
  'DynamoDB',
  'MongoDB',
  'PostgreSQL',
  'MySQL',
  'NoSQL',
  'WebSockets',
  'WebSocket',
  'WebAssembly',
  'WebPageTest',
  'DevTools',
  'DataDog',
  'Datadog',
  'DataLoader',
  'OpenAPI',
  'OpenID',
  'OpenTelemetry',
  'OAuth2',
  'OAuth',
  'JMeter',
  'PagerDuty',
  'GitHub',
  'LinkedIn',
  'iOS',
  'macOS',
  'FastAPI',
  'SQLite',
];

function isUpper(c: string | undefined): boolean {
  return c !== undefined && /\p{Lu}/u.test(c);
}
function isLower(c: string | undefined): boolean {
  return c !== undefined && /\p{Ll}/u.test(c);
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && /[0-9]/.test(c);
}

/**
 * Splits a list the source printed without separators, e.g.
 * "Strangler Fig PatternAPI GatewayBounded Context (DDD)Incremental Refactoring" →
 * ["Strangler Fig Pattern", "API Gateway", "Bounded Context (DDD)", "Incremental Refactoring"].
 *
 * A new item starts where, outside parentheses and outside a known camel-case name:
 * - a lower-case letter, ")" or "." is followed by a capital ("PatternAPI", "(DDD)Incremental");
 * - an acronym runs into a capitalised word ("TTLGeo-Replication" → "TTL" | "Geo-Replication");
 * - a digit is followed by a capital ("OAuth2OpenID", "Top 10Supply");
 * - a lower-case letter is followed by a number that opens a new phrase ("Post-Mortem5 Whys");
 * - a known camel-case name starts or ends right against another word ("RabbitMQCAP Theorem", "(CRDTs)gRPC").
 */
export function splitConcatenatedList(raw: string, protectedTerms: readonly string[] = CAMEL_CASE_TERMS): string[] {
  const text = squash(raw);
  const noSplit = new Set<number>();
  const termEdges = new Set<number>();
  for (const term of protectedTerms) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(term, from);
      if (at < 0) break;
      for (let k = at + 1; k < at + term.length; k++) noSplit.add(k);
      termEdges.add(at);
      termEdges.add(at + term.length);
      from = at + 1;
    }
  }
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (i > 0 && depth === 0 && !noSplit.has(i)) {
      const prev = text[i - 1];
      const next = text[i + 1];
      const boundary =
        (isUpper(c) && (isLower(prev) || prev === ')' || prev === '.')) ||
        (isUpper(c) && isUpper(prev) && isLower(next) && isUpper(text[i - 2])) ||
        (termEdges.has(i) && /[\p{L})]/u.test(prev) && /\p{L}/u.test(c)) ||
        (isUpper(c) && isDigit(prev)) ||
        (isDigit(c) && isLower(prev) && next === ' ' && isUpper(text[i + 2]));
      if (boundary) {
        items.push(text.slice(start, i));
        start = i;
      }
    }
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
  }
  items.push(text.slice(start));
  return items.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** True when the line looks like source code rather than prose (used to keep code lines as they are). */
export function looksLikeCode(line: string): boolean {
  const t = line.trim();
  if (t.length === 0) return false;
  return (
    /^(\/\/|\/\*|# |#$|-- |```|<\/?[a-z!]|[{})[\]]|\(\)|\.\.\.|\$ )/.test(t) ||
    /^(const|let|var|await|async|return|class|def|import|export|function|throw)\s+[\w$[{(]/.test(t) ||
    /^(if|for|while|switch|catch)\s*\(/.test(t) ||
    /^(else|try|finally|do)\s*(\{|$)/.test(t) ||
    (/^end\b/.test(t) && t.length < 40) ||
    /^(SELECT|FROM|WHERE|ORDER BY|GROUP BY|LIMIT|INSERT|UPDATE|DELETE|CREATE|ALTER|AND|OR|JOIN)\b/.test(t) ||
    (/[{;]\s*$/.test(t) && /[(){}=<>[\]]/.test(t)) ||
    /::|!\(|\w\.\w+\([^)]*\)\s*$/.test(t) ||
    /^[\w.$[\]'"`]+\s*(=|\+=|=>)\s/.test(t) ||
    /^[a-z_$][\w$]*(\.[\w$]+)*\(.*\)[;,)]*$/.test(t) ||
    /^[a-z_$][\w$]*(\.[\w$]+)+\(/.test(t) ||
    /\)\s*\{/.test(t) ||
    /=>/.test(t) ||
    // A shell command with flags: "mtr -r -c 50 mongodb.prod.internal".
    (/^[a-z][\w-]*\s+(-{1,2}[\w-]+|\S+\.\w+)/.test(t) && /(^|\s)-{1,2}[a-zA-Z]/.test(t)) ||
    // An object-literal line: "customer: tx.customer_id, created: {".
    (/^\w+:\s*['"`[{]/.test(t) && /[,}]\s*$/.test(t))
  );
}
