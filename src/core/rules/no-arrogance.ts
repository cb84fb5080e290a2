import { defineRule } from '../rule';
import { compileGroups, matchGroups, type PhraseGroup } from '../phrases';
import { quote } from '../lexicon/tone-match';
import { negatedAt, readNote, type ClauseReading, type SentenceReading } from '../language/index';

/**
 * Arrogance, judged on what a sentence does and whom it is about:
 * - ranking yourself above the other candidates, or telling the reader they
 *   would be wrong not to hire you (the comparative frames below: lexical);
 * - presuming the outcome: a certain future ("I will", "I'll") of the writer
 *   joining or starting, aimed at the reader's side, not conditional;
 * - lecturing: a directive aimed at the reader ("you should", "you need to",
 *   "I would like to point out");
 * - sarcasm, insults and gloating: the language layer's sentence marks.
 * Confidence in your own fit ("I'm a strong match for the routing work") is
 * not arrogance. One finding per sentence, on that sentence.
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
      // "Most candidates will tell you…; I…": the other candidates as a foil.
      '{most|other|many|typical|the other} {candidates|applicants} {will|would|just|only|can|tell|say|talk|promise|claim}',
    ],
  },
  {
    id: 'above-the-job',
    label: 'puts you above the job or the problem',
    reason:
      '"Someone at my level", "operating above the role", "basic stuff for someone like me": ranking yourself above the work itself, which belittles the reader\'s problem. "My level of experience" (no "someone at") and "above the target" stay quiet.',
    phrases: [
      '{someone|a person|anyone|people|a candidate} {at|of|with} my {level|caliber|calibre|seniority|stature|track record}',
      '{a level|levels|way|well|far} {above|beyond} {the|this} {role|position|job}',
      '{basic|trivial|easy|simple|elementary} {stuff|work|fixes|fix|task|tasks}? for {someone|a person|me|somebody}',
    ],
  },
  {
    id: 'back-on-track',
    label: 'implies they have failed at their own work',
    reason: '"I can get your roadmap back on track", "put your team in order": an offer to help that says they failed first. "Keep the launch on track" has no "back".',
    phrases: ['{get|put|bring|set} your ... {back on track|in order|into shape|straight}'],
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
      "you {won't|will not|will never|wouldn't|would not|could not|couldn't|can't|cannot} {find|get|hire|meet} another",
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

/** Verbs of joining: "I will start", "I'll join", "I will initiate employment". */
const JOINING: ReadonlySet<string> = new Set([
  'start', 'starting', 'begin', 'beginning', 'join', 'joining', 'initiate', 'commence', 'report', 'see', 'meet', 'take', 'lead', 'arrive', 'become', 'be',
]);
/** Words after "I will be" that make it joining ("I will be starting", "I will be part of"). */
const JOINING_AFTER_BE: ReadonlySet<string> = new Set(['starting', 'joining', 'working', 'part', 'reporting', 'beginning', 'there', 'your', 'the']);
/** Nouns that make a future "I will …" about the job itself. */
const JOB_NOUNS: ReadonlySet<string> = new Set(['employment', 'job', 'position', 'role', 'offer', 'start', 'day', 'team', 'firm', 'company', 'office', 'colleague', 'colleagues', 'then']);

type Kind = 'presumes' | 'lectures' | 'sarcasm' | 'insult' | 'gloat';

const MESSAGES: Record<Kind, string> = {
  presumes: 'This sentence takes the job for granted; the decision is theirs, so say you hope to join them instead.',
  lectures: 'This sentence tells the reader what they should do, which reads as a lecture; say what you can offer instead.',
  sarcasm: 'This sentence reads as sarcastic; thank them plainly or leave it out.',
  insult: 'This sentence insults the reader; leave it out, since it can only close the door.',
  gloat: 'This sentence sets you up as the winner over the reader; leave it out and end on a courteous note.',
};

/** Whether a commitment clause presumes the writer is joining them: "I will start", "I'll see you on my first day". */
function presumes(reading: SentenceReading, clause: ClauseReading): boolean {
  const words = reading.sentence.words;
  for (const cue of clause.cues) {
    if (cue.act !== 'commitment') continue;
    const verbAt = cue.to - 1;
    const verb = words[verbAt]?.lower ?? '';
    const joining = JOINING.has(verb) && (verb !== 'be' || JOINING_AFTER_BE.has(words[verbAt + 1]?.lower ?? ''));
    if (!joining) continue;
    const rest = words.slice(verbAt + 1, clause.to);
    if (rest.some((w) => w.lower === 'elsewhere' || w.lower === 'there' || w.lower === 'another')) continue;
    if (clause.about.has('reader') || rest.some((w) => JOB_NOUNS.has(w.lower))) return true;
  }
  return false;
}

function kindOf(reading: SentenceReading): { kind: Kind; clause?: ClauseReading } | undefined {
  if (reading.marks.has('insult')) return { kind: 'insult' };
  if (reading.marks.has('gloat')) return { kind: 'gloat' };
  if (reading.marks.has('sarcasm')) return { kind: 'sarcasm' };
  for (const clause of reading.clauses) {
    if (clause.acts.has('commitment') && presumes(reading, clause)) return { kind: 'presumes', clause };
    if (clause.acts.has('directive')) return { kind: 'lectures', clause };
  }
  return undefined;
}

export default defineRule(
  {
    id: 'no-arrogance',
    description: 'The note does not rank you above others, presume the outcome, lecture, mock or insult the reader',
    severity: 'warning',
    fixable: false,
    tags: ['tone'],
    sources: ['000', '002'],
  },
  ({ note, report }) => {
    for (const reading of readNote(note).sentences) {
      const sentence = reading.sentence;
      const words = sentence.words;
      const rankings = matchGroups(sentence, COMPILED).filter(
        (m) => !negatedAt(words, m.from, 0) && (!m.group.needsSelf || reading.about.has('writer')),
      );
      for (const m of rankings) {
        report({
          start: m.start,
          end: m.end,
          message: `${quote(note.text.slice(m.start, m.end))} ${m.group.label}, which reads as arrogant; show your fit with a concrete example instead.`,
        });
      }
      if (rankings.length) continue;
      const found = kindOf(reading);
      if (!found) continue;
      report({ start: sentence.start, end: sentence.end, message: MESSAGES[found.kind] });
    }
  },
);
