import { defineRule } from '../rule';
import type { Sentence } from '../note';
import { clauseEnd, hasAny, breaksClause, gapText, matchAt, quote, removeSentenceFix } from '../lexicon/tone-match';
import { compileGroups, matchGroups, WordSet, wordIdsOf, type CompiledGroups, type PhraseGroup } from '../phrases';
import { negatedAt, negatedSpan, readNote, type SentenceReading } from '../language/index';

/**
 * Running people down: the reader, the interviewer, their company or team,
 * their hiring process, HR or the recruiter, a past employer, the other
 * candidates or the person they hired.
 *
 * Two ways in. The language layer's complaint: a clause whose subject is the
 * reader's side, the process or a third party and whose predicate is a
 * negative word ("your office is a dump", "the panel seemed unprepared"), or
 * the writer's own negative verb about them ("I hated my last job"); and its
 * sarcasm and insult marks when the sentence is about the reader. Then the
 * older frames below, for complaints without a negative word:
 *
 * A finding is a TARGET (who or what is criticised) followed, in the same
 * clause and within a few words, by a PREDICATE that disparages it ("my old
 * boss … was terrible", "HR never got back to me"), or one of the STANDALONE
 * phrases ("I hated my last job"). Deliberately quiet:
 * - sympathy ("I'm sorry the reorganisation has been hard"): any "sorry";
 * - the reader's own account of a problem ("as you said, the old intake
 *   process is a mess"): ATTRIBUTION words;
 * - a problem you offer to solve ("the application process is confusing
 *   for candidates, and I'd love to help fix it"): IMPROVEMENT words — not for
 *   other candidates, where there is nothing of yours to fix;
 * - an onboarding/billing/release "process": only hiring processes are targets.
 */
interface TargetGroup extends PhraseGroup {
  label: string;
  /** Whether IMPROVEMENT words in the sentence excuse it. */
  improvable: boolean;
  /** Predicate groups that apply to this target. */
  predicates: readonly ('adjective' | 'neglect' | 'conduct' | 'inferior')[];
  /** A phrase that is a finding on its own. */
  standalone?: boolean;
}

const TARGETS: readonly TargetGroup[] = [
  {
    id: 'past-employer',
    label: 'runs down a past employer',
    improvable: true,
    predicates: ['adjective', 'conduct'],
    reason: 'The writer\'s own boss, company or colleagues, past or present: "my old boss", "my last company", "my former team".',
    phrases: [
      '{my|our} {old|former|previous|last|current|ex|prior|past|present}? {boss|bosses|manager|managers|employer|company|job|team|supervisor|coworkers|co-workers|colleagues|workplace|firm|director|lead|organization|organisation|department|management|leadership|ceo|startup}',
    ],
  },
  {
    id: 'hated',
    label: 'runs down a past employer',
    improvable: false,
    predicates: [],
    standalone: true,
    reason: '"I hated my last job": the disparaging verb comes before its target.',
    phrases: [
      "i {hated|hate|despised|despise|loathed|loathe|couldn't stand|could not stand|can't stand|cannot stand} {my|working at|working for|working with} {old|former|previous|last|current|ex|prior}? {boss|manager|employer|company|job|team|supervisor|coworkers|co-workers|colleagues|workplace|firm|there}?",
    ],
  },
  {
    id: 'process',
    label: 'criticizes their hiring process',
    improvable: true,
    predicates: ['adjective', 'neglect'],
    reason:
      'The hiring process and its parts. "process" counts only right after a determiner or a hiring word, so "your onboarding process is slow today" (a problem the company is working on) is not a target.',
    phrases: [
      '{the|your|this|that} {hiring|interview|interviewing|application|recruiting|recruitment|selection|screening}? process',
      '{the|your|this|that} {interview|interviews|panel interview|phone screen|screening|scheduling|assessment|take-home|coding test|case study|application portal|application form}',
    ],
  },
  {
    id: 'hr',
    label: 'complains about the people who ran the process',
    improvable: true,
    predicates: ['adjective', 'neglect', 'conduct'],
    reason: 'HR, the recruiter, the coordinator, the interviewers: "HR never got back to me", "your recruiter was rude".',
    phrases: [
      '{the|your|that|this}? {hr|recruiter|recruiters|coordinator|scheduler|interviewer|interviewers|panelists|hiring manager|talent team|recruiting team|hr team|hr department|human resources|people team|talent acquisition}',
    ],
  },
  {
    id: 'others',
    label: 'runs down the other candidates',
    improvable: false,
    predicates: ['adjective', 'inferior'],
    reason:
      'The other candidates or the person hired: "the other candidate doesn\'t have…", "whoever you hired lacks…". (In rejection scenarios rejection-no-reargue also looks at comparisons with the hire.)',
    phrases: [
      '{the|your|any|some}? {other|another|rival|competing} {candidate|candidates|applicant|applicants|finalist|finalists}',
      '{the|whoever|whomever} {person|candidate|one|applicant}? you {hired|chose|picked|selected|went with|offered}',
      'whoever {you hired|you chose|you picked|you selected|got the job|got the role|got the offer|you went with}',
      'the {person|candidate|applicant} who {got the job|got the role|got the offer|was hired|was chosen|was selected}',
      'the {new hire|successful candidate|chosen candidate|selected candidate|winning candidate}',
    ],
  },
];

const PREDICATES: Record<'adjective' | 'neglect' | 'conduct' | 'inferior', PhraseGroup> = {
  adjective: {
    id: 'adjective',
    reason: 'A copula and a disparaging word: "was terrible", "is a mess", "were rude", "felt like a waste of time".',
    phrases: [
      // Up to three words ("a bit of a", "frankly such a") may sit between the verb and the word; a negator among them cancels the match.
      '{is|was|were|are|seemed|seems|felt|feels|has been|had been|have been|became|looked|sounded|proved|turned out to be} ... {terrible|awful|horrible|horrendous|toxic|incompetent|useless|clueless|disorganized|disorganised|unorganized|chaotic|dysfunctional|unprofessional|rude|mess|disaster|nightmare|joke|waste|sloppy|ridiculous|pathetic|miserable|abusive|hostile|dishonest|lazy|stupid|idiotic|inept|unbearable|shambles|circus|unfair|biased|rigged|confusing|frustrating|exhausting|pointless|hopeless|worst|mismanaged|unprepared|dismissive|condescending|arrogant|disrespectful|insulting|amateurish|shady|petty|bad|poorly}',
      '{is|was|were|are|seemed|seems|felt|has been|had been|took} {way|far|much}? too {long|slow|disorganized|chaotic}',
    ],
  },
  neglect: {
    id: 'neglect',
    reason:
      'Accusing them of neglect: "never got back to me", "didn\'t even bother to reply", "ignored my emails". "hasn\'t replied yet" is a plain fact for a check-in and is not here.',
    phrases: [
      "{never|didn't even|did not even|couldn't be bothered to|could not be bothered to|didn't bother to|did not bother to|refused to|failed to} {got|gotten|get|respond|responded|reply|replied|return|returned|call|called|follow|followed|answer|answered|email|emailed|write|wrote|acknowledge|acknowledged|show|showed|read|listen|listened|explain|explained|tell|told|bother|bothered|let|confirm|confirmed|send|sent|contact|contacted}",
      '{ignored|ghosted|lost|forgot} {me|my}',
      "{kept|left} me {waiting|hanging|in the dark}",
      '{wasted|wastes} my time',
    ],
  },
  conduct: {
    id: 'conduct',
    reason: 'A person behaving badly: "yelled at", "micromanaged", "lied", "belittled".',
    phrases: [
      '{always|constantly|often|just}? {yelled|screamed|micromanaged|micromanages|belittled|mistreated|undermined|lied|lies|bullied|harassed|humiliated|berated|insulted|blamed|screwed|cheated|exploited|backstabbed|ghosted|ignored|talked down}',
      "{didn't|did not|doesn't|does not|never} {care|know what|have a clue|listen|respect}",
    ],
  },
  inferior: {
    id: 'inferior',
    reason: 'Calling the others less able: "doesn\'t have my experience", "lacks", "is less qualified", "can\'t match".',
    phrases: [
      "{doesn't|does not|don't|do not|didn't|did not|can't|cannot|won't|will not|couldn't|could not} {even}? {have|know|bring|understand|match|compare|come close|measure up|offer|deserve|do}",
      '{lacks|lack|lacked|lacking}',
      '{is|was|are|were|seems|seemed} {far|much|clearly|obviously|simply}? {less|weaker|worse|inferior|underqualified|unqualified|inexperienced}',
      '{is|was|are|were} {not as|nowhere near as|not nearly as|not} {qualified|experienced|strong|capable|skilled}',
      "{isn't|aren't|wasn't|weren't} {nearly}? {as}? {qualified|experienced|strong|capable|skilled}",
      '{is|was} a {weaker|worse|lesser} {fit|candidate|choice|hire}',
      '{has|have|had} {far|much|a lot}? {less|fewer|no} {experience|skills|background|knowledge|qualifications|idea}',
    ],
  },
};

/** Sympathy: the writer is commiserating, not complaining. */
const SYMPATHY_IDS = new WordSet(['sorry', 'sympathize', 'sympathise', 'condolences']);

/** Whether a word among `[from, to)` is in the set (by word ids: see WordSet). */
function hasAnyId(ids: readonly number[], set: WordSet, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (set.has(ids[i])) return true;
  return false;
}

/** The reader's own words about their situation. */
const ATTRIBUTION = compileGroups([
  {
    id: 'attribution',
    reason: 'The reader described the problem; the writer is referring back to it.',
    phrases: [
      'you {mentioned|said|described|noted|explained|shared|admitted|told me|pointed out|acknowledged|were candid|were honest|were frank|called it}',
      'as you {put it|said|noted|mentioned|described}',
    ],
  },
]);

/** A problem the writer offers to fix is not a complaint. */
const IMPROVEMENT: ReadonlySet<string> = new Set([
  'fix', 'fixing', 'fixed', 'improve', 'improving', 'improved', 'streamline', 'streamlining', 'streamlined', 'rebuild', 'rebuilding', 'rebuilt',
  'overhaul', 'overhauling', 'overhauled', 'simplify', 'simplifying', 'simplified', 'untangle', 'untangling', 'untangled', 'solve', 'solving',
  'solved', 'redesign', 'redesigning', 'redesigned', 'modernize', 'modernise', 'modernizing', 'modernising', 'automate', 'automating', 'automated',
  // A turnaround you led at a past job ("…was disorganized until I introduced weekly planning").
  'introduced', 'reorganized', 'reorganised', 'standardized', 'standardised', 'replaced', 'cleaned',
]);

const TARGET_PHRASES = compileGroups(TARGETS);
const PREDICATE_PHRASES = Object.fromEntries(
  Object.entries(PREDICATES).map(([key, group]) => [key, compileGroups([group])]),
) as Record<keyof typeof PREDICATES, CompiledGroups<PhraseGroup>>;

/** How many words may sit between the target and its predicate ("my old boss at Acme was…"). */
const MAX_GAP = 4;

/** A complaint found; `excusable` when improvement words in the sentence (a problem the writer offers to fix) excuse it. */
type Found = { start: number; end: number; label: string; excusable: boolean };

/** A complaint the language layer sees in the sentence: a negative predicate of someone other than the writer, or sarcasm and insults aimed at the reader. */
function layerComplaint(reading: SentenceReading): Found | undefined {
  const words = reading.sentence.words;
  if (reading.marks.has('insult') || (reading.marks.has('sarcasm') && reading.about.has('reader'))) {
    return { start: reading.sentence.start, end: reading.sentence.end, label: 'speaks of the reader with contempt', excusable: false };
  }
  for (const clause of reading.clauses) {
    if (!clause.acts.has('complaint')) continue;
    const label =
      clause.subject === 'process' ? 'criticizes their hiring process' : clause.subject === 'third-party' || clause.about.has('third-party') ? 'runs down someone outside the conversation' : 'criticizes the reader or their company';
    const end = words[Math.min(clause.to, clause.from + 10) - 1].end;
    return { start: words[clause.from].start, end, label, excusable: true };
  }
  return undefined;
}

export default defineRule(
  {
    id: 'no-negativity',
    description: 'The note does not run down the reader, their company or process, a past employer or the other candidates',
    severity: 'warning',
    fixable: true,
    tags: ['tone'],
    sources: ['002'],
  },
  ({ note, report }) => {
    for (const reading of readNote(note).sentences) {
      const sentence = reading.sentence;
      const words = sentence.words;
      const first = 0;
      const last = words.length;
      if (hasAnyId(wordIdsOf(words), SYMPATHY_IDS, first, last)) continue;
      const found = frameComplaint(sentence, last) ?? layerComplaint(reading);
      if (!found) continue;
      // Checked only for a complaint (most sentences have none): the reader's own account, referred back to.
      if (matchGroups(sentence, ATTRIBUTION).length > 0) continue;
      if (found.excusable && hasAny(sentence, IMPROVEMENT, first, last)) continue;
      const fix = removeSentenceFix(note, sentence.original, 'Remove this sentence');
      report({
        start: found.start,
        end: found.end,
        message: `${quote(note.text.slice(found.start, found.end))} ${found.label}; leave complaints out, since they reflect on you rather than on them.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
);

/** A target of the frames above followed in its clause by one of its predicates, or a standalone frame. */
function frameComplaint(sentence: Sentence, last: number): Found | undefined {
  for (const target of matchGroups(sentence, TARGET_PHRASES)) {
    const group = target.group;
    if (target.to > last) continue;
    let end = -1;
    if (group.standalone) {
      if (negatedAt(sentence.words, target.from, 0, 2)) continue;
      end = target.to;
    } else {
      end = findPredicate(sentence, target.to, last, group.predicates);
      if (end === -1) continue;
    }
    if (group.improvable === false || !hasAny(sentence, IMPROVEMENT, 0, last)) {
      // Underline through the end of the clause (at most ten words), so the message quotes the complaint.
      const stop = sentence.words[Math.min(Math.max(end, clauseEnd(sentence, end - 1)), target.from + 10, last) - 1].end;
      return { start: target.start, end: stop, label: group.label, excusable: false };
    }
  }
  return undefined;
}

/** The end (word index) of a predicate of one of the kinds, starting within MAX_GAP words of `from` in the same clause; -1 when none. */
function findPredicate(sentence: Sentence, from: number, last: number, kinds: TargetGroup['predicates']): number {
  for (let at = from; at < Math.min(last, from + MAX_GAP + 1); at++) {
    if (at > from && breaksClause(gapText(sentence, at))) return -1;
    if (at === from && at > 0 && /[,;:()]/.test(gapText(sentence, at))) return -1;
    for (const kind of kinds) {
      const match = matchAt(sentence, at, PREDICATE_PHRASES[kind]);
      if (!match || match.to > last) continue;
      if (crossesClause(sentence, at, match.to)) continue;
      // "was not chaotic at all": a negator inside a predicate that is not itself a negative form.
      if ((kind === 'adjective' || kind === 'conduct') && negatedSpan(sentence.words, from, match.to, from, match.to - from) && !/^(didn't|did not|doesn't|does not|never)/.test(match.phrase)) continue;
      return match.to;
    }
  }
  return -1;
}

function crossesClause(sentence: Sentence, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (breaksClause(gapText(sentence, i))) return true;
  return false;
}
