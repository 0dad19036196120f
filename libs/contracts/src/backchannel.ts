/** What people say to show they are listening, not to take the turn ("mm-hmm", "okay", "right", "I see", "makes sense"). */
export const BACKCHANNEL_WORDS: ReadonlySet<string> = new Set([
  'mm',
  'mhm',
  'mmhmm',
  'hmm',
  'hm',
  'uh',
  'huh',
  'um',
  'ok',
  'okay',
  'right',
  'yeah',
  'yes',
  'yep',
  'sure',
  'i',
  'see',
  'got',
  'it',
  'alright',
  'ah',
  'oh',
  'aha',
  'cool',
  'nice',
  'true',
  'exactly',
  'uh-huh',
  'mm-hmm',
  'makes',
  'sense',
  'ya',
  'yup',
  'sounds',
  'good',
]);

/**
 * Humming and lone letters: how a recogniser writes "mm-hmm" ("m m h m m"), "uh-huh", "hmmm", or a noise ("a"); an
 * interruption has words besides.
 */
const HUMMING = /^(?:[a-z]|[mh]+|u+h+(?:-?h+u+h+)?|a+h+|o+h+)$/;

/**
 * Words said that are more than a backchannel ("sorry, can you repeat that": 5; "mm-hmm okay": 0). Speech over the
 * interviewer takes the turn by its words, as people tell an interruption from listening noises.
 */
export function realWords(text: string): number {
  return text
    .toLowerCase()
    .split(/[^a-z'-]+/)
    .filter((w) => w && !BACKCHANNEL_WORDS.has(w) && !HUMMING.test(w)).length;
}
