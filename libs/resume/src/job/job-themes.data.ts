/**
 * Themes a posting can stress, with the phrases that signal them. The same lists describe bank
 * questions when ranking, so a posting that stresses on-call meets questions about incidents.
 */

export interface ThemeDefinition {
  id: string;
  /** How a reason names it: "the posting stresses Kafka and on-call". */
  label: string;
  patterns: RegExp[];
}

export const THEMES: ThemeDefinition[] = [
  {
    id: 'on-call',
    label: 'on-call',
    patterns: [
      /\bon[- ]?call\b|\bincidents?\b|\bpager(?:duty)?\b|\boutages?\b|post-?mortems?|\bsite reliability\b|\buptime\b|\breliab(?:le|ility)\b|\brunbooks?\b|production support|24\/7|\bresilien\w*|\bobservability\b|\balert(?:s|ing)?\b|\brollbacks?\b|\bmonitoring\b|\bdashboards?\b|\btracing\b|\berror rates?\b|\bproduction (?:issues?|bugs?|fires?)\b|\bhotfix(?:es)?\b/gi,
      /\bSRE\b|\bSL[AOI]s?\b|\bMTTR\b/g,
    ],
  },
  {
    id: 'scalability',
    label: 'scale',
    patterns: [
      /\bscal(?:e|es|able|ability|ing)\b|high[- ]traffic|high[- ]throughput|low[- ]latency|millions of (?:users|requests|events|transactions|payments?)|requests per second|\bthroughput\b|\bperformance\b|\bpeak (?:load|traffic)\b|\bconcurren(?:cy|t users)\b|\bcaching\b|\bload balancing\b|\bsharding\b/gi,
    ],
  },
  {
    id: 'mentoring',
    label: 'mentoring',
    patterns: [
      /\bmentor\w*|\bcoach\w*|technical leadership|\blead(?:ing)? (?:a |the )?(?:team|engineers|projects?|initiatives?)\b|\bleadership\b|\bgrow(?:ing)? (?:engineers|the team|others)\b|junior (?:engineers|developers)|\bknowledge sharing\b|\bhiring\b/gi,
    ],
  },
  {
    id: 'security',
    label: 'security',
    patterns: [
      /\bsecur(?:e|ity|ing)\b|\bcompliance\b|\bpci(?:[- ]dss)?\b|\bsoc ?2\b|\bgdpr\b|\bhipaa\b|iso ?27001|\bowasp\b|\bauthenticat\w+|\bauthori[sz]ation\b|\bencrypt\w*|\bvulnerabilit\w+|threat model\w*|\boauth\b|\bopenid\b|\bidentity\b|\bpersonal data\b|\bprivacy\b/gi,
      /\bSSO\b|\bJWT\b|\bCSRF\b|\bXSS\b/g,
    ],
  },
  {
    id: 'testing',
    label: 'testing',
    patterns: [
      /\btest(?:s|ing|ed|able)?\b|\btdd\b|\bquality\b|\bcode reviews?\b|\bintegration tests?\b|\bunit tests?\b|\bend-to-end tests?\b|\bregression\b|\bjest\b|\bplaywright\b|\bcypress\b|\bpytest\b/gi,
      /\bQA\b|\bCI\b/g,
    ],
  },
  {
    id: 'distributed-systems',
    label: 'distributed systems',
    patterns: [
      /distributed systems?|\bmicroservices?\b|\bevent[- ]driven\b|message (?:queues?|brokers?)|\bconsisten(?:cy|t)\b|fault[- ]toleran\w+|\bconsensus\b|\bkafka\b|\brabbitmq\b|\bstreaming\b|\bqueues?\b|\bexactly[- ]once\b|\bidempoten\w+|\bevent sourcing\b|\bsagas?\b/gi,
    ],
  },
  {
    id: 'apis',
    label: 'API design',
    patterns: [
      /\bAPIs?\b|\bREST(?:ful)?\b|\bGraphQL\b|\bgRPC\b/g,
      /api design|\bendpoints?\b|\bintegrations?\b|\bsdks?\b|\bwebhooks?\b|\bversioning\b|\bopenapi\b/gi,
    ],
  },
  {
    id: 'data',
    label: 'data pipelines',
    patterns: [
      /data pipelines?|\bpipelines?\b|\betl\b|\belt\b|data warehouse|\bdata (?:modell?ing|engineering|platform|models?)\b|\bbatch\b|\banalytics\b|\bdatabases?\b|\bschemas?\b|\bmigrations?\b|\bpostgres(?:ql)?\b|\bmysql\b|\bindex(?:es|ing)\b/gi,
      /\bSQL\b/g,
    ],
  },
  {
    id: 'frontend',
    label: 'frontend work',
    patterns: [
      /\bfront[- ]?end\b|\buser[- ]facing\b|user interfaces?|\baccessibility\b|\ba11y\b|\bresponsive\b|design systems?|\bbrowsers?\b|\bweb apps?\b|\breact\b|\bvue\b|\bangular\b|\bcss\b|\bcomponents?\b/gi,
      /\bUI\b|\bUX\b/g,
    ],
  },
  {
    id: 'cloud',
    label: 'cloud infrastructure',
    patterns: [
      /\bcloud\b|\binfrastructure\b|\bkubernetes\b|\bk8s\b|\bdocker\b|\bterraform\b|\bdevops\b|ci\/cd|\bdeploy(?:s|ing|ment|ments)?\b|\bcontainers?\b|\bserverless\b/gi,
      /\bAWS\b|\bGCP\b|\bAzure\b/g,
    ],
  },
];

export const THEME_LABELS: Record<string, string> = Object.fromEntries(THEMES.map((t) => [t.id, t.label]));

/** How many times each theme's phrases occur in a text. */
export function countThemes(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const theme of THEMES) {
    let n = 0;
    for (const re of theme.patterns) n += text.match(re)?.length ?? 0;
    if (n > 0) counts.set(theme.id, n);
  }
  return counts;
}
