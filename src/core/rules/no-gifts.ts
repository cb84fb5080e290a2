import type { Note } from '../note';
import { findPhrases, type PhraseMatch } from '../phrases';
import { defineRule } from '../rule';
import {
  bodySentences,
  cleanWord,
  modifiesNext,
  isNegated,
  sentenceRemovalFix,
  stem,
  topicStemSet,
  type BodySentence,
} from '../lexicon/substance-common';

/**
 * Gifts turn a follow-up into something the reader has to handle: some
 * employers may not accept them, and everyone else on the hiring side
 * wonders what it is meant to buy. This rule flags a sentence that offers or
 * announces one.
 */

/** Things that are gifts whatever the sentence says around them. */
const GIFTS = [
  // "a gift card", "a coffee card", "an Amazon voucher"
  'gift|e-gift|coffee|starbucks|amazon|visa|prepaid|restaurant|dinner card|cards|certificate|certificates|voucher|vouchers',
  // "a gift basket", "a box of cookies"
  'gift|fruit|snack|cookie|muffin|treat|pastry|wine|chocolate|flower|candy basket|baskets|box|boxes|hamper|hampers|bouquet',
  'basket|box|tray|batch|bottle|bouquet of cookies|muffins|pastries|fruit|chocolates|chocolate|treats|snacks|donuts|doughnuts|cupcakes|bagels|wine|flowers|champagne|brownies|candy',
  // "a small token of my appreciation"
  'small|little|tiny|modest token',
  'token of my|our? appreciation|gratitude|thanks|thankfulness',
  // "a small gift", "a thank-you present"
  'small|little|tiny|modest|thank-you|personal|special gift|gifts|present|presents card|cards|basket|baskets|certificate|box|voucher?',
  'gift|gifts|present|presents for you|the team|your team|everyone|the office|all',
];

/** "A little something" is a gift only when it goes to someone: "a little something for the team". */
const LITTLE_SOMETHING = ['a little|small something'];
const LITTLE_SOMETHING_NEXT = new Set(['for', 'to', 'as', 'from', 'i', "i've", "i'm", 'that', 'which', 'in']);

/** Things that are gifts only when the writer sends, leaves or offers them. */
const GIFTABLE = new Set([
  'cookies', 'cupcakes', 'muffins', 'pastries', 'donuts', 'doughnuts', 'bagels', 'chocolates', 'candy', 'treats', 'treat',
  'snacks', 'wine', 'champagne', 'cake', 'brownies', 'flowers', 'bouquet', 'gift', 'gifts', 'present', 'coffee', 'lunch',
  'fruit', 'tea', 'sweets',
]);

/** The writer giving: "I sent", "I've enclosed", "please enjoy", "coffee is on me". */
const GIVING = [
  "sending|sent|send|enclosed|enclosing|enclose|attached|attaching|left|leaving|leave|dropped|dropping|drop|brought|bringing|bring|ordered|ordering|order|delivered|delivering|mailing|mailed|mail|shipping|shipped|ship|baked|made|picked",
  'please accept|enjoy',
  'hope|hoping you|your|the|everyone ... enjoy|enjoys|like|likes|love|loves',
  'on me',
  'my treat',
  'buy|get|treat|bring you|your|the ... coffee|coffees|lunch|drink|drinks|dinner|breakfast|treat|treats',
  'should arrive|arrives|arriving',
  'on its|their way',
];

const WRITER = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'we', "we've", "we're"]);
const SOMEONE_ELSE = new Set(['you', "you've", "you're", 'he', 'she', 'they', "they've", 'team', 'everyone', 'it', 'company', 'office', 'staff']);

/** Whether the writer is the giver: the nearest pronoun before the verb is "I"/"we", or there is none ("Enclosed is…", "Please enjoy…"). */
function writerGives(sentence: BodySentence, m: PhraseMatch): boolean {
  for (let i = m.from - 1; i >= Math.max(0, m.from - 12); i--) {
    const w = sentence.words[i].lower;
    if (WRITER.has(w)) return true;
    if (SOMEONE_ELSE.has(w)) return false;
  }
  return true;
}

/** Words of the front matter's subject matter: a gift word there is the job, not a gift ("gift basket builder"). */
function protectedStems(note: Note): Set<string> {
  const set = topicStemSet(note.frontMatter.topics);
  for (const value of [note.frontMatter.role, note.frontMatter.company]) {
    if (!value) continue;
    for (const part of value.split(/[\s\-/]+/)) {
      const w = stem(cleanWord(part));
      if (w) set.add(w);
    }
  }
  return set;
}

/** protectedStems of the note asked about last. */
let stemsNote: Note | undefined;
let stemsOfNote: Set<string> | undefined;

function protectedStemsOf(note: Note): ReadonlySet<string> {
  if (note !== stemsNote) {
    stemsOfNote = protectedStems(note);
    stemsNote = note;
  }
  return stemsOfNote!;
}

function isProtected(sentence: BodySentence, from: number, to: number, stems: ReadonlySet<string>): boolean {
  for (let i = from; i < to; i++) if (stems.has(stem(sentence.words[i].lower))) return true;
  return false;
}

/** A gift phrase followed by another content word names a thing, not a gift: "the gift card redemption flow". */
function isModifier(text: string, sentence: BodySentence, to: number): boolean {
  return modifiesNext(text, sentence, to);
}

/** A gift phrase counts unless it names the writer's subject matter or is negated. */
function giftCounts(note: Note, sentence: BodySentence, m: PhraseMatch, stems: ReadonlySet<string> | undefined): boolean {
  return !isProtected(sentence, m.from, m.to, stems ?? protectedStemsOf(note)) && !isNegated(note.text, sentence, m.from, m.to);
}

/** The gift a sentence offers (for the message), or undefined. */
export function findGift(note: Note, sentence: BodySentence, stems?: ReadonlySet<string>): string | undefined {
  for (const m of findPhrases(sentence, GIFTS)) {
    if (!isModifier(note.text, sentence, m.to) && giftCounts(note, sentence, m, stems)) return note.text.slice(m.start, m.end);
  }
  for (const m of findPhrases(sentence, LITTLE_SOMETHING)) {
    const next = sentence.words[m.to]?.lower;
    if ((next === undefined || LITTLE_SOMETHING_NEXT.has(next)) && giftCounts(note, sentence, m, stems)) return note.text.slice(m.start, m.end);
  }
  const giving = findPhrases(sentence, GIVING).filter((m) => writerGives(sentence, m) && !isNegated(note.text, sentence, m.from, m.to));
  if (giving.length === 0) return undefined;
  // The giving phrase governs an item within eight words of it, on either side ("I sent cookies", "cookies are on me").
  const near = new Uint8Array(sentence.words.length);
  for (const g of giving) {
    for (let i = Math.max(0, g.from - 8); i < Math.min(near.length, g.to + 8); i++) near[i] = 1;
  }
  for (let i = 0; i < sentence.words.length; i++) {
    if (!near[i] || !GIFTABLE.has(sentence.words[i].lower)) continue;
    if (isModifier(note.text, sentence, i + 1) || isProtected(sentence, i, i + 1, stems ?? protectedStemsOf(note))) continue;
    return sentence.words[i].text;
  }
  return undefined;
}

export default defineRule(
  {
    id: 'no-gifts',
    description: 'The note does not send or offer a gift',
    severity: 'warning',
    fixable: true,
    tags: ['red-flag'],
    sources: ['002'],
  },
  ({ note, report }) => {
    for (const sentence of bodySentences(note)) {
      // (The front matter's stems are worked out only for a sentence that names a gift.)
      const gift = findGift(note, sentence);
      if (!gift) continue;
      report({
        start: sentence.start,
        end: sentence.end,
        message: `This sentence offers a gift ("${gift}"); leave gifts out of a follow-up, since they can embarrass the reader and look like an attempt to sway the decision.`,
        fixes: [sentenceRemovalFix(note, sentence, 'Remove this sentence')],
      });
    }
  },
);
