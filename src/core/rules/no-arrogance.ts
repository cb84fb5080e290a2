import { defineRule } from '../rule';
import { compileGroups, FIRST_PERSON, hasAny, matchGroups, messageWords, negatedBefore, quote, type PhraseGroup } from '../lexicon/tone-match';

/**
 * Claims to outrank the other candidates, or that the reader would be wrong
 * not to hire you. Confidence in your own fit ("I'm a strong match for the
 * routing work", even "perfect for the job") is not arrogance: the line is
 * crossed when you rank yourself above people you have never met, or tell the
 * reader what a mistake passing on you would be.
 */
interface ArrogantGroup extends PhraseGroup {
  /** The sentence must also speak of the writer (I/me/my) for the match to count. */
  needsSelf?: boolean;
  label: string;
}

/** Nouns for "the best ___" ("part", "way", "thing" are not among them). */
const CANDIDATE = '{candidate|applicant|person|choice|hire|fit|one|pick|option|man|woman}';

const GROUPS: readonly ArrogantGroup[] = [
  {
    id: 'best-candidate',
    label: 'ranks you above the other candidates',
    reason:
      '"I\'m the best/strongest/most qualified candidate": a ranking you cannot know. Anchored on the writer as subject, so "the best part of the day was…" and "the best candidate will own…" (quoting the posting) stay quiet, and so does "I am the right fit" (confidence, not a ranking); "I may not be the best candidate" has "not" in the way and is left to no-hedging.',
    phrases: [
      `{i'm|i am|i'd be|i would be|i'll be|i will be|that i'm|that i am|me} {clearly|easily|obviously|simply|undoubtedly|definitely|certainly|truly}? the {best|strongest|top|obvious|clear|only} ${CANDIDATE}`,
      `{i'm|i am|i'd be|i would be|i'll be|i will be|that i'm|that i am|me} {clearly|easily|obviously|simply|undoubtedly|definitely|certainly|truly}? the most {qualified|capable|experienced} ${CANDIDATE}`,
      `{i'm|i am} {by far|without a doubt|without question|hands down} the most? {best|strongest|top|obvious|clear|qualified|capable|experienced} ${CANDIDATE}`,
      `{i'm|i am} {clearly|easily|obviously|simply|undoubtedly|definitely|certainly|truly}? your {best|strongest|top|obvious|clear|only} ${CANDIDATE}`,
      `{i'm|i am} the only {candidate|applicant|person|one} {who|that|with}`,
      `{i'm|i am} {head and shoulders|miles|leagues|a cut} above`,
    ],
  },
  {
    id: 'better-than',
    needsSelf: true,
    label: 'compares you favorably with the other candidates',
    reason:
      '"better than the other applicants", "more qualified than anyone": comparisons with people you have not met. The sentence must also speak of the writer, so "your product is better than anyone else\'s" (a compliment) stays quiet.',
    phrases: [
      '{better|stronger|smarter|more qualified|more experienced|more capable|more skilled|more talented|better qualified|better suited} than {the|any|all|your|every|most}? {other|of the|of your}? {candidates|applicants|candidate|applicant|people you|anyone|everyone|everybody|others|competition|rest}',
      '{outshine|outclass|outperform|beat} {the|any|all|every}? {other}? {candidates|applicants|candidate|applicant|competition}',
    ],
  },
  {
    id: 'no-one-else',
    needsSelf: true,
    label: 'claims no one else could do this',
    reason:
      '"No one else can…", "no other candidate brings…". Needs "I/me/my" in the sentence, so "no one else could have explained it as clearly as you did" (praise for the reader) stays quiet.',
    phrases: [
      '{no one|nobody|noone} else {can|could|will|would|brings|offers}',
      'no other {candidate|applicant} {can|could|will|would|brings|offers|has|knows|is}',
    ],
  },
  {
    id: 'wont-find',
    label: 'tells them they will not find anyone better',
    reason: '"You won\'t find anyone better": the same ranking, aimed at the reader.',
    phrases: [
      "you {won't|will not|will never|wouldn't|would not|could not|couldn't|can't|cannot} {find|get|hire|meet} {anyone|anybody|someone|another candidate|a candidate} {else}? {better|stronger|more|as|like me|who}",
      "you {won't|will not|will never|wouldn't|would not|could not|couldn't|can't|cannot} {find|get|hire|meet} a {better|stronger|more qualified|more dedicated} {candidate|fit|hire|person|applicant}",
    ],
  },
  {
    id: 'your-loss',
    label: 'says they would be wrong not to hire you',
    reason:
      '"You\'d be making a mistake", "you\'d be foolish not to", "it would be your loss", "you\'ll regret it": a threat in the reader\'s own decision. "It would be a mistake to rush the migration" has no "you" and stays quiet.',
    phrases: [
      "{you'd|you would|you will|you'll|you are|you're} {be}? making a {big|huge|serious|terrible|real|grave}? mistake",
      "{you'd|you would|you will|you'll} be {foolish|crazy|silly|mad|insane|a fool|remiss|wrong|fools} {not|to pass|to let}",
      "{it'd|it would|it will|it'll|that would|that'd|it is|it's|that's} {be}? {entirely|really|truly|definitely}? your loss",
      "{you'd|you would|you will|you'll} {regret|be sorry} {it|not|passing|letting|losing|missing}",
      "you {can't|cannot|can not} afford to {pass|lose|miss|not hire|let} {on}? me",
      "{don't|do not} {miss out on|pass on|pass up} me",
    ],
  },
];

const COMPILED = compileGroups(GROUPS);

export default defineRule(
  {
    id: 'no-arrogance',
    description: 'The note does not rank you above other candidates or tell them they would be wrong not to hire you',
    severity: 'warning',
    fixable: false,
    tags: ['tone'],
    sources: ['000', '002'],
  },
  ({ note, report }) => {
    for (const sentence of note.sentences) {
      const { first, last } = messageWords(note, sentence);
      if (first >= last) continue;
      for (const match of matchGroups(sentence, COMPILED)) {
        if (match.from < first || match.to > last) continue;
        if (negatedBefore(sentence, match.from, 3)) continue; // "I'm not saying I'm the best candidate"
        if (match.group.needsSelf && !hasAny(sentence, FIRST_PERSON, first, last)) continue;
        report({
          start: match.start,
          end: match.end,
          message: `${quote(note.text.slice(match.start, match.end))} ${match.group.label}, which reads as arrogant; show your fit with a concrete example instead.`,
        });
      }
    }
  },
);
