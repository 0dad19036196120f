/**
 * The measurable outcome of a claim: "by 40%", "from 800 ms to 200 ms", "3x", "$1.2M",
 * "10M events/day". The first kind found in this order wins: a before/after change says most.
 */

export type MetricType = 'change' | 'percent' | 'multiplier' | 'money' | 'time' | 'scale';

export interface MetricMatch {
  text: string;
  index: number;
  type: MetricType;
}

const QUALIFIER = String.raw`(?:~\s?|≈\s?|about |around |approx\.? |approximately |roughly |over |more than |nearly |almost |up to |under |below |less than |<\s?|>\s?)?`;
const NUMBER = String.raw`\d[\d,]*(?:\.\d+)?`;
const MAGNITUDE = String.raw`(?:\s?(?:[kKmMbB](?![\p{L}])|mn|bn|million|billion|thousand))?`;
const AMOUNT = String.raw`${QUALIFIER}[$€£¥]?${NUMBER}${MAGNITUDE}`;
const TIME_UNIT = String.raw`(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)`;
const UNIT = String.raw`(?:%|percent|x|×|${TIME_UNIT}|MB|GB|TB|PB|rps|qps|tps|req/s)`;
const PER = String.raw`(?:\s*(?:/|per|a|an|each)\s*(?:second|sec|s|minute|min|hour|day|week|month|quarter|year|yr|annum|request|deploy))?`;
const END = String.raw`(?![\p{L}\p{N}])`;

const SCALE_NOUN = String.raw`(?:requests|reqs?|events|messages|transactions|orders|users|customers|merchants|clients|rps|qps|tps|records|rows|documents|jobs|calls|payments|services|microservices|deploys|deployments|releases|countries|markets|tenants|stores|sites|devices|endpoints|APIs|queries|pipelines|agents|employees|branches|downloads|installs|subscribers|GB|TB|PB|lines of code)`;
const SCALE_ADJ = String.raw`(?:(?:daily|monthly|weekly|annual|active|concurrent|paying|unique|internal|external|production|downstream)\s+){0,2}`;

const PATTERNS: [MetricType, RegExp][] = [
  [
    'change',
    new RegExp(
      String.raw`\bfrom\s+${AMOUNT}\s?${UNIT}?(?:\s+[\p{L}/]+){0,3}?\s+(?:down\s+|up\s+)?to\s+${AMOUNT}\s?${UNIT}?${PER}(?:\s+\p{L}+s(?![\p{L}]))?${END}`,
      'u',
    ),
  ],
  [
    'change',
    /\b(?:with\s+)?(?:zero|no)\s+(?:downtime|data loss|lost (?:events|messages|orders)|customer-facing incidents|outages|regressions)\b/u,
  ],
  [
    'change',
    new RegExp(
      String.raw`\bby\s+(?:${AMOUNT}\s?(?:%|percent|per cent|pp|percentage points|x|×|-?fold|${TIME_UNIT})|half|a third|a quarter|two thirds|an order of magnitude|orders of magnitude)${PER}${END}`,
      'u',
    ),
  ],
  ['change', new RegExp(String.raw`\bto\s+${AMOUNT}\s?(?:%|${TIME_UNIT}|x|×)${PER}${END}`, 'u')],
  [
    'percent',
    new RegExp(
      String.raw`${QUALIFIER}${NUMBER}\s?(?:%|percent)(?:\s+(?:faster|slower|fewer|less|more|lower|higher|smaller|larger|cheaper|reduction|increase|improvement|drop|growth|uplift|decrease))?${END}`,
      'u',
    ),
  ],
  [
    'multiplier',
    new RegExp(
      String.raw`(?:${QUALIFIER}${NUMBER}\s?(?:x|×)(?![\p{L}\p{N}])(?:\s+(?:faster|more|fewer|less|higher|lower|cheaper|smaller|larger))?|\b(?:two|three|four|five|ten|\d+)-?fold\b)`,
      'u',
    ),
  ],
  [
    'money',
    new RegExp(
      String.raw`(?:${QUALIFIER}[$€£¥]\s?${NUMBER}${MAGNITUDE}|${QUALIFIER}${NUMBER}${MAGNITUDE}\s?(?:USD|EUR|GBP|dollars|euros|pounds))${PER}(?:\s+(?:in\s+)?(?:annual|yearly|monthly)?\s*(?:savings?|revenue|ARR|GMV))?${END}`,
      'u',
    ),
  ],
  [
    'change',
    new RegExp(
      String.raw`${AMOUNT}\s?(?:hours?|hrs?|minutes?|mins?|days?|weeks?)\s+(?:a|per|each|every)\s+(?:day|week|month|sprint|release|quarter)${END}`,
      'u',
    ),
  ],
  ['time', new RegExp(String.raw`\b(?:under|below|within|in|to)\s+${AMOUNT}\s?${TIME_UNIT}${END}`, 'u')],
  ['scale', new RegExp(String.raw`${QUALIFIER}${NUMBER}${MAGNITUDE}\+?\s?${SCALE_ADJ}${SCALE_NOUN}${PER}${END}`, 'u')], // Last resort: any count of things ("3 internal tools"); team sizes are filtered out below.
  [
    'scale',
    new RegExp(String.raw`(?<![\p{L}\p{N}.])${NUMBER}${MAGNITUDE}\+?\s+(?:[\p{Ll}-]+\s+){0,2}\p{Ll}{3,}s${END}`, 'u'),
  ],
];

/** Sizes of teams say who was led, not what changed: they are not metrics. */
const TEAM_SIZE = /^\S+\s+(?:\p{L}+\s+)?(?:engineers|developers|people|reports|interns|contractors|designers)\b/u;

export function findMetric(text: string): MetricMatch | null {
  for (const [type, re] of PATTERNS) {
    const m = re.exec(text);
    if (m && !TEAM_SIZE.test(m[0]))
      return { text: m[0].trim(), index: m.index + (m[0].length - m[0].trimStart().length), type };
  }
  return null;
}

export const IMPROVEMENT_METRICS: ReadonlySet<MetricType> = new Set(['change', 'percent', 'multiplier', 'money']);
