import { defineRule } from '../rule';
import { readNote } from '../language/index';
import { apologyIn, selfReproachIn } from '../language/apology';
import { sentenceRemovalFix } from '../lexicon/substance-common';
import { clauseEnd, compileGroups, hasAny, matchAt, matchGroups, messageWords, negatedBefore, quote, removeSentenceFix, type PhraseGroup } from '../lexicon/tone-match';

/**
 * Apologies where none is owed: for taking up time, for nerves, for the
 * length of the note, for having answered imperfectly.
 *
 * An apology is an apology *head* (HEADS) by the writer, followed by a
 * self-directed *object* (OBJECTS). What is deliberately left alone:
 * - sympathy: "sorry to hear/learn…", "sorry about your…", "I'm sorry the role
 *   was filled" — the object is not the writer's conduct;
 * - "sorry to bother you" and kin: no-hedging owns those (one finding, not two);
 * - an owed apology for a concrete slip (OWED): a typo, a wrong attachment, a
 *   missed call, a late reply. Owning a real mistake in a line is good manners,
 *   not grovelling. But only one: a second apology in the note, and any
 *   dwelling on the slip ("I'm mortified", "that is not like me"), is
 *   flagged (language/apology.ts).
 */
interface HeadGroup extends PhraseGroup {
  /** The object is free: "forgive my …", "excuse the …" are about the writer whatever follows. */
  anyObject?: boolean;
  /** Only at the start of the sentence ("Sorry for the long email."). */
  atStart?: boolean;
}

const HEADS: readonly HeadGroup[] = [
  {
    id: 'sorry',
    reason: '"sorry" with the writer as subject. "I felt sorry for…" (pity) has no "I\'m" right before it and is not here.',
    phrases: [
      "{i'm|i am|im|i was|i feel|i felt so} {so|very|really|truly|terribly|awfully|deeply|also|still}? sorry",
      // "Thanks again, and sorry for the long email": the subject carries over from the first clause.
      '{and|but|also} {so|very|really|again}? sorry',
    ],
  },
  {
    id: 'sorry-start',
    atStart: true,
    reason: 'The subject-less "Sorry for…", "So sorry if…" opening a sentence.',
    phrases: ['{so|very|really|terribly}? sorry'],
  },
  {
    id: 'apologize',
    reason: 'The verb with the writer as subject, and "my apologies" / "apologies for".',
    phrases: [
      "i {also|again|sincerely|truly|do|must|want to|wanted to|would like to|should}? {apologize|apologise}",
      "i'd like to {apologize|apologise}",
      '{my|our} {sincere|sincerest|deepest}? apologies',
      'please accept my {sincere|sincerest}? apologies',
    ],
  },
  {
    id: 'apologies-start',
    atStart: true,
    reason: '"Apologies for…" opening a sentence.',
    phrases: ['apologies'],
  },
  {
    id: 'forgive',
    reason: '"Forgive me for…" asks pardon for the writer\'s own conduct.',
    phrases: ['{please}? forgive me'],
  },
  {
    id: 'forgive-my',
    anyObject: true,
    reason: '"Forgive my nervousness", "excuse the long note", "pardon the intrusion": always about the writer.',
    phrases: ['{please}? {forgive|pardon|excuse} {my|the}'],
  },
];

const OBJECTS: readonly PhraseGroup[] = [
  {
    id: 'for-conduct',
    reason:
      '"for/about" + what the writer did or is: taking up time, writing, rambling, being nervous, the length of the note. "for your loss", "for the news" are not here.',
    phrases: [
      '{again|in advance|once again|so much|once more}? {for|about} {taking|using|wasting|eating|bothering|troubling|writing|sending|reaching|following|emailing|messaging|rambling|being|going|asking|interrupting|intruding|not|talking|getting|seeming|sounding|my|such a|this long|this lengthy|all the|any inconvenience|any trouble|another|yet another|one more|the length|the long|the lengthy|the extra|the intrusion|the interruption|the inconvenience|the trouble|the bother|the follow-up|the followup|the repeated|the multiple|the rambling|the questions|the nerves|the wall}',
    ],
  },
  {
    id: 'if-self',
    reason: 'A conditional apology for yourself or your note: "sorry if I rambled", "sorry if this is too long".',
    phrases: ["{again|in advance}? if {i|i've|i'm|my|this|the note|the email|the message|it came|it comes|it sounded}"],
  },
  {
    id: 'that-i',
    reason: '"I\'m sorry (that) I …" about your own performance: "I\'m sorry I couldn\'t give a better answer".',
    phrases: [
      "{that}? {i|i've} {rambled|talked|was|wasn't|seemed|came|couldn't|could not|didn't|did not|got|went|took|kept|sounded|may|might|spoke|ran|had to}",
      '{that}? my {answer|answers|nerves|nervousness|response|responses|note|email|message|rambling|interview}',
    ],
  },
  {
    id: 'forgive-for',
    reason: 'After "forgive me": "for …" (any conduct of the writer).',
    phrases: ['for'],
  },
];

/** A concrete slip makes the apology owed: then the rule stays quiet. */
const OWED: ReadonlySet<string> = new Set([
  'typo', 'typos', 'error', 'errors', 'mistake', 'mistakes', 'misspelled', 'misspelt', 'misspelling', 'misspellings', 'wrong', 'incorrect',
  'mix-up', 'mixup', 'late', 'lateness', 'delay', 'delayed', 'tardy', 'missed', 'forgot', 'forgotten', 'forgetting', 'broken', 'duplicate',
  'twice', 'attachment', 'attachments', 'misnamed', 'misstated', 'reschedule', 'rescheduling', 'cancel', 'cancelled', 'canceled', 'cancellation',
]);

const HEAD_PHRASES = compileGroups(HEADS);
const OBJECT_PHRASES = compileGroups(OBJECTS.filter((g) => g.id !== 'forgive-for'));
const FORGIVE_OBJECT = compileGroups(OBJECTS.filter((g) => g.id === 'forgive-for'));

export default defineRule(
  {
    id: 'no-over-apology',
    description: 'The note does not apologize where no apology is owed',
    severity: 'warning',
    fixable: true,
    tags: ['tone'],
    sources: ['002'],
  },
  ({ note, report }) => {
    const flagged = new Set<number>();
    for (const sentence of note.sentences) {
      const { first, last } = messageWords(note, sentence);
      if (first >= last) continue;
      for (const head of matchGroups(sentence, HEAD_PHRASES)) {
        if (head.from < first || head.to > last) continue;
        if (head.group.atStart && head.from !== first) continue;
        if (negatedBefore(sentence, head.from, 2)) continue; // "I won't apologise for…", "not sorry"
        let end = head.to;
        if (!head.group.anyObject) {
          const object = matchAt(sentence, head.to, head.group.id === 'forgive' ? FORGIVE_OBJECT : OBJECT_PHRASES);
          if (!object) continue;
          end = object.to;
        }
        // Look at the rest of the clause for a concrete, owed slip.
        if (hasAny(sentence, OWED, head.to, Math.min(last, head.to + 12))) continue;
        // Underline the apology up to the end of its clause (at most ten words).
        const endWord = Math.min(Math.max(end, clauseEnd(sentence, head.to - 1)), head.from + 10, last);
        const start = sentence.words[head.from].start;
        const stop = sentence.words[endWord - 1].end;
        const fix = removeSentenceFix(note, sentence, 'Remove this apology');
        flagged.add(sentence.start);
        report({
          start,
          end: stop,
          message: `${quote(note.text.slice(start, stop))} apologizes where nothing went wrong; leave it out and let the note stand with confidence.`,
          fixes: fix ? [fix] : [],
        });
        break; // the fix removes the whole sentence
      }
    }
    // One plain apology for a real slip is manners; dwelling on it, or apologising again, is not.
    let apologies = 0;
    for (const reading of readNote(note).sentences) {
      const sentence = reading.sentence;
      const reproach = selfReproachIn(reading);
      const apology = reproach ? undefined : apologyIn(reading);
      if (!reproach && !apology) continue;
      apologies++;
      if (flagged.has(sentence.original.start)) continue;
      const cue = reproach ?? (apologies > 1 ? apology : undefined);
      if (!cue) continue;
      // Underline the cue to the end of its clause (at most eight words).
      const clause = reading.clauses.find((c) => cue.from >= c.from && cue.from < c.to);
      const last = Math.min(clause ? clause.to : cue.to, cue.from + 8);
      const found = { start: cue.start, end: Math.max(cue.end, sentence.words[last - 1].end) };
      report({
        start: found.start,
        end: found.end,
        message: reproach
          ? `${quote(note.text.slice(found.start, found.end))} dwells on the slip; own it once, in one plain line, and move on.`
          : `${quote(note.text.slice(found.start, found.end))} apologizes a second time; one short apology is enough, so leave this one out.`,
        fixes: [sentenceRemovalFix(note, sentence, 'Remove this apology')],
      });
    }
  },
);
