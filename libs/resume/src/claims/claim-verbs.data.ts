/**
 * Action verbs that open a résumé claim, by what they say about the candidate's part. Weak verbs
 * ("helped", "worked on", "participated") are left out on purpose: they claim nothing to ask about.
 */

export type VerbCategory = 'decrease' | 'increase' | 'lead' | 'own' | 'build';

export interface VerbInfo {
  base: string;
  past: string;
  category: VerbCategory;
}

/** [base, past]; the past is also the form a question uses ("You led …"). */
const VERBS: Record<VerbCategory, [string, string][]> = {
  decrease: [
    ['cut', 'cut'],
    ['reduce', 'reduced'],
    ['decrease', 'decreased'],
    ['lower', 'lowered'],
    ['halve', 'halved'],
    ['shrink', 'shrank'],
    ['trim', 'trimmed'],
    ['slash', 'slashed'],
    ['eliminate', 'eliminated'],
    ['minimise', 'minimised'],
    ['minimize', 'minimized'],
    ['save', 'saved'],
    ['drop', 'dropped'],
    ['remove', 'removed'],
    ['retire', 'retired'],
    ['deprecate', 'deprecated'],
  ],
  increase: [
    ['increase', 'increased'],
    ['improve', 'improved'],
    ['boost', 'boosted'],
    ['grow', 'grew'],
    ['double', 'doubled'],
    ['triple', 'tripled'],
    ['raise', 'raised'],
    ['accelerate', 'accelerated'],
    ['speed up', 'sped up'],
    ['expand', 'expanded'],
    ['maximise', 'maximised'],
    ['maximize', 'maximized'],
    ['optimise', 'optimised'],
    ['optimize', 'optimized'],
    ['lift', 'lifted'],
    ['generate', 'generated'],
    ['win', 'won'],
    ['achieve', 'achieved'],
  ],
  lead: [
    ['lead', 'led'],
    ['co-lead', 'co-led'],
    ['manage', 'managed'],
    ['mentor', 'mentored'],
    ['coach', 'coached'],
    ['hire', 'hired'],
    ['head', 'headed'],
    ['spearhead', 'spearheaded'],
    ['direct', 'directed'],
    ['supervise', 'supervised'],
    ['oversee', 'oversaw'],
    ['guide', 'guided'],
    ['onboard', 'onboarded'],
    ['train', 'trained'],
    ['run', 'ran'],
  ],
  own: [
    ['own', 'owned'],
    ['found', 'founded'],
    ['co-found', 'co-founded'],
    ['drive', 'drove'],
    ['champion', 'championed'],
    ['initiate', 'initiated'],
    ['pioneer', 'pioneered'],
    ['take over', 'took over'],
  ],
  build: [
    ['build', 'built'],
    ['design', 'designed'],
    ['architect', 'architected'],
    ['develop', 'developed'],
    ['create', 'created'],
    ['implement', 'implemented'],
    ['ship', 'shipped'],
    ['launch', 'launched'],
    ['deliver', 'delivered'],
    ['release', 'released'],
    ['migrate', 'migrated'],
    ['move', 'moved'],
    ['port', 'ported'],
    ['rewrite', 'rewrote'],
    ['refactor', 'refactored'],
    ['redesign', 'redesigned'],
    ['rebuild', 'rebuilt'],
    ['re-architect', 're-architected'],
    ['replace', 'replaced'],
    ['introduce', 'introduced'],
    ['automate', 'automated'],
    ['scale', 'scaled'],
    ['integrate', 'integrated'],
    ['establish', 'established'],
    ['set up', 'set up'],
    ['stand up', 'stood up'],
    ['roll out', 'rolled out'],
    ['deploy', 'deployed'],
    ['containerise', 'containerised'],
    ['containerize', 'containerized'],
    ['modernise', 'modernised'],
    ['modernize', 'modernized'],
    ['consolidate', 'consolidated'],
    ['unify', 'unified'],
    ['standardise', 'standardised'],
    ['standardize', 'standardized'],
    ['streamline', 'streamlined'],
    ['instrument', 'instrumented'],
    ['stabilise', 'stabilised'],
    ['stabilize', 'stabilized'],
    ['secure', 'secured'],
    ['harden', 'hardened'],
    ['resolve', 'resolved'],
    ['fix', 'fixed'],
    ['debug', 'debugged'],
    ['diagnose', 'diagnosed'],
    ['prototype', 'prototyped'],
    ['author', 'authored'],
    ['write', 'wrote'],
    ['define', 'defined'],
    ['engineer', 'engineered'],
    ['enable', 'enabled'],
    ['convert', 'converted'],
    ['extract', 'extracted'],
    ['split', 'split'],
    ['decompose', 'decomposed'],
  ],
};

function gerund(base: string): string {
  const [head, ...rest] = base.split(' ');
  let g: string;
  if (/ie$/.test(head)) g = `${head.slice(0, -2)}ying`;
  else if (/[^aeiou]e$/.test(head) && head !== 'be') g = `${head.slice(0, -1)}ing`;
  else if (
    /^(?:cut|run|ship|trim|slash|drop|win|split|plan|stop|set)$/.test(head) ||
    /(?:^|-)(?:ship|cut|run)$/.test(head)
  )
    g = `${head}${head.slice(-1)}ing`;
  else g = `${head}ing`;
  return [g, ...rest].join(' ');
}

function thirdPerson(base: string): string {
  const [head, ...rest] = base.split(' ');
  const s = /(?:s|sh|ch|x|z)$/.test(head)
    ? `${head}es`
    : /[^aeiou]y$/.test(head)
      ? `${head.slice(0, -1)}ies`
      : `${head}s`;
  return [s, ...rest].join(' ');
}

/** Every written form ("led", "leading", "leads", "lead") → the verb. */
export const VERB_FORMS = new Map<string, VerbInfo>();
for (const [category, pairs] of Object.entries(VERBS) as [VerbCategory, [string, string][]][]) {
  for (const [base, past] of pairs) {
    const info: VerbInfo = { base, past, category };
    for (const form of [past, base, gerund(base), thirdPerson(base)])
      if (!VERB_FORMS.has(form)) VERB_FORMS.set(form, info);
  }
}
