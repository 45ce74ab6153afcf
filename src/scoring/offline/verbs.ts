import type { Sentence } from './text.js';

/**
 * Who did what in a sentence, read from English morphology rather than a list of chosen verbs: a
 * subject ("I", "we") followed, perhaps after an adverb or two ("then", "quickly", "also"), by a verb
 * in the past tense, either a regular -ed form or one of the common irregular ones. Unseen verbs
 * ("I instrumented", "I shadowed") work because their form says they are past actions.
 */

/** Common irregular past forms and participles (the regular ones end in -ed). */
const IRREGULAR_PAST = new Set(
  (
    'made got took wrote ran led built met set sent spent brought bought caught taught thought fought sought found ' +
    'held kept left lost paid said told sold sat stood understood won began became came gave saw knew grew threw drew ' +
    'flew chose spoke broke woke drove rode rose shook forgot overcame undertook oversaw withdrew rebuilt rewrote reran ' +
    'hid bit did went dug struck stuck swung hung fed bled read cut put shut split spread quit hit let bet cast ' +
    'sent lent bent meant dealt felt slept swept wept crept heard sold fled shot lit slid led misled mistook ' +
    'grown shown known done gone taken given written driven broken chosen spoken begun risen fallen drawn thrown ' +
    'flown forgotten hidden ridden stolen sworn worn torn woken undertaken overseen rewritten'
  ).split(' '),
);

/** -ed words that are not past-tense verbs. */
const NOT_PAST = new Set(
  (
    'need speed seed feed bed red shed indeed hundred embed breed greed proceed exceed succeed bleed sled ' +
    'wed naked wicked sacred kindred shred'
  ).split(' '),
);

/** Words that may stand between the subject and its verb: "I then rewrote", "we quickly rolled back". */
const BETWEEN = new Set(
  (
    'then also first next finally quickly immediately personally eventually actually really still just later soon ' +
    'again instead initially ultimately gradually carefully deliberately myself ourselves both all'
  ).split(' '),
);

/** States and auxiliaries: "I was", "I had" set a scene or start a passive, they are not actions. */
const STATES = new Set(['was', 'were', 'had', 'been', 'felt', 'thought', 'knew', 'meant', 'understood']);

/** A past-tense verb by its form: an irregular past, or an -ed word that is not a noun or adjective. */
export function isPastVerb(word: string): boolean {
  if (IRREGULAR_PAST.has(word)) return true;
  // "re-ran", "co-wrote": the verb is after the prefix.
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0 && hyphen < word.length - 1) return isPastVerb(word.slice(hyphen + 1));
  return word.length >= 5 && word.endsWith('ed') && !NOT_PAST.has(word);
}

/**
 * Whether `subject` ("i" or "we") does something in the past in this sentence, anywhere in it:
 * "I acted", "Then I noticed", "..., so I made sure". The verb comes within two words of the subject.
 */
export function acts(sentence: Sentence, subject: 'i' | 'we'): boolean {
  const words = sentence.words;
  for (let k = 0; k < words.length; k++) {
    if (words[k] !== subject) continue;
    for (let j = k + 1; j < Math.min(words.length, k + 4); j++) {
      const w = words[j]!;
      if (STATES.has(w)) break;
      if (isPastVerb(w)) return true;
      if (!BETWEEN.has(w) && !w.endsWith('ly')) break;
    }
  }
  return false;
}

/** Words that put a sentence in the conditional or the future: "I would", "I'd", "we'll", "could". */
const CONDITIONAL = new Set(['would', "i'd", "we'd", "you'd", 'will', "i'll", "we'll", 'could', 'might']);

/**
 * A sentence about what one would do rather than what one did. "Would have" looks back ("I would have
 * raised it earlier"): that is reflection on a real event, not a hypothetical.
 */
export function isConditional(sentence: Sentence): boolean {
  const words = sentence.words;
  for (let k = 0; k < words.length; k++) {
    if (CONDITIONAL.has(words[k]!) && words[k + 1] !== 'have' && words[k + 1] !== "'ve") return true;
  }
  return false;
}
