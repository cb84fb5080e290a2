import { defineRule } from '../rule';
import { compileGroups, hasAny, isFrame, matchGroups, messageSpan, negatedBefore, quote, removeSentenceFix, type PhraseGroup } from '../lexicon/tone-match';

/**
 * Begging and desperation. A note should sound like a peer who wants the job,
 * not someone who needs a favour; each group below is a way of pleading.
 */
interface NeedyGroup extends PhraseGroup {
  /** Extra condition on the sentence; the match counts only when it holds. */
  needs?: 'hardship';
  /** What the message calls it. */
  label: string;
}

const GROUPS: readonly NeedyGroup[] = [
  {
    id: 'need',
    label: 'says you need the job',
    reason:
      'Stating need ("I really need this job") turns interest into a plea. Anchored on "I … need" followed by this job itself, so "what I need to prepare" or "I need a role with more ownership" (a preference) stay quiet.',
    phrases: [
      'i {really|truly|badly|desperately|so}? need {this|that} job|position|role|opportunity|offer',
      'i {really|truly|badly|desperately|so}? need {a|the} job',
      'i {really|truly|badly|desperately}? need to {get|land} {this|the|a} job|position|role|offer',
      "i can't|cannot afford to {lose|miss} this|the {job|position|role|opportunity|chance}",
    ],
  },
  {
    id: 'plea',
    label: 'pleads for a chance',
    reason:
      'Direct pleas: "please give me a chance", "please hire me", "I\'m begging you". "please" before an ordinary request ("please let me know") is not here.',
    phrases: [
      'please {just}? give me {a|one|another}? chance|shot|try|opportunity',
      'just give me {a|one}? chance|shot',
      'please please',
      'please {hire|pick|choose|select} me',
      "{i'm|i am} begging {you}?",
      'i beg {you|of you}',
    ],
  },
  {
    id: 'any',
    label: 'offers to take anything',
    reason:
      'Taking "any position at all" or promising to "do anything" signals that this role does not matter to you. Needs a first-person "I\'ll/I\'d/I would" so "anything you need from me" is fine.',
    phrases: [
      'any job|position|role|opening|opportunity at all',
      "{i'll|i will|i'd|i would|i'm willing to|i am willing to} {take|accept} any job|position|role|opening|thing|offer",
      "{i'll|i will|i'd|i would|i'm willing to|i am willing to} {take|accept|do} anything",
      "{i'll|i will|i'd|i would} do whatever it takes to {get|land} {this|the} job|position|role|offer",
    ],
  },
  {
    id: 'desperate',
    label: 'says you are desperate',
    reason: 'The word itself, said of yourself: "I\'m desperate", "I desperately need". Not "desperate" said of something else.',
    phrases: [
      "{i'm|i am|i've been|i have been|i feel|i'm getting|i am getting|i'm feeling} {so|really|very|quite|pretty|rather|truly|a bit|a little|absolutely}? desperate",
      'i desperately {need|want|hope}',
    ],
  },
  {
    id: 'last-hope',
    label: 'calls this your last hope',
    reason: '"You\'re my last hope" and "this is my last chance" put the weight of your situation on the reader.',
    phrases: [
      "{you're|you are|this is|it's|it is|this job is|this role is} my {last|only|final} {hope|chance|option|shot}",
      'i have nowhere else to turn',
    ],
  },
  {
    id: 'hardship',
    label: 'leans on your hardship',
    needs: 'hardship',
    reason:
      'Unemployment said together with a hardship ("out of work for eight months and the bills…"). Said plainly, or turned to what you did with the time ("…and used it to finish a certification", "…to care for my family"), it is not needy, so the sentence must also carry a hardship word (HARDSHIP below).',
    phrases: [
      "{i've|i have|i've now|i have now} been {unemployed|jobless|out of work|job hunting|job-hunting|looking for work|searching for work}",
      "{i'm|i am} {still}? {unemployed|jobless|out of work}",
    ],
  },
];

/** Words that turn a statement of unemployment into a plea. */
const HARDSHIP: ReadonlySet<string> = new Set([
  'bills', 'rent', 'mortgage', 'savings', 'afford', 'broke', 'struggling', 'struggle', 'desperate', 'desperately',
  'need', 'please', 'tough', 'difficult', 'stressful', 'scary', 'depressing',
]);

const COMPILED = compileGroups(GROUPS);

export default defineRule(
  {
    id: 'no-needy-tone',
    description: 'The note does not beg for the job or sound desperate',
    severity: 'warning',
    fixable: true,
    tags: ['tone'],
    sources: ['001', '000', '002'],
  },
  ({ note, report }) => {
    for (const sentence of note.sentences) {
      if (isFrame(note, sentence)) continue;
      for (const match of matchGroups(sentence, COMPILED)) {
        if (negatedBefore(sentence, match.from, 2)) continue;
        if (match.group.needs === 'hardship' && !hasAny(sentence, HARDSHIP, match.to)) continue;
        const span = messageSpan(note, sentence) ?? sentence;
        const fix = removeSentenceFix(note, sentence, 'Remove this sentence');
        report({
          start: match.start,
          end: match.end,
          message: `${quote(note.text.slice(match.start, match.end))} ${match.group.label}, which reads as needy; say why you want the role and what you bring instead.`,
          fixes: fix && span ? [fix] : [],
        });
        break; // one finding per sentence: its fix removes the whole sentence
      }
    }
  },
);
