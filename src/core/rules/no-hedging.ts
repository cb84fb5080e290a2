import { defineRule } from '../rule';
import type { Sentence } from '../note';
import { clauseEnd, CLAUSE_CONJUNCTIONS, compileGroups, matchGroups, messageWords, negatedBefore, quote, removeWordsFix, type PhraseGroup } from '../lexicon/tone-match';

/**
 * Qualifiers that undercut the writer: minimising ("just wanted to"),
 * pre-apologising for writing at all ("sorry to bother you", "I know you're
 * busy"), and self-doubt ("I think I might", "I may not be the best
 * candidate, but"). Each group says which words its fix removes:
 * - `word`: only the words in `dropWords` ("I just wanted" → "I wanted");
 * - `clause`: the qualifying clause up to its comma or "but"/"so", with the
 *   conjunction ("Sorry to bother you, but I wanted…" → "I wanted…");
 * - `adjunct`: the matched words, commas balanced ("…, if it's not too much trouble?" → "…?");
 * - `lead`: the "I think"/"I feel like" in front of "I might/could".
 */
interface HedgeGroup extends PhraseGroup {
  drop: 'word' | 'clause' | 'adjunct' | 'lead';
  dropWords?: readonly string[];
  /** Only when the match starts the sentence ("Just checking in…"). */
  atStart?: boolean;
  /** Scenarios where this is honest rather than hedging. */
  notIn?: readonly string[];
  label: string;
}

/** Verbs after which "just" minimises the writer's own message; "just finished", "just as", "just in time" are not here. */
const JUST_VERBS =
  '{want|wanted|wanting|wanna|thought|think|hope|hoped|hoping|wonder|wondered|wondering|write|writing|reach|reaching|check|checking|follow|following|drop|dropping|touch|touching|send|sending|a quick|a short|a brief|a little|a note|a reminder|to say|to let|to thank|to follow|to check|to remind|to touch|to reach}';

const GROUPS: readonly HedgeGroup[] = [
  {
    id: 'just',
    drop: 'word',
    dropWords: ['just'],
    label: 'minimizes your own message',
    reason:
      '"Just" before wanting, writing or checking shrinks what follows. Requires a first-person subject right before it (or the start of the sentence), so "your team just wanted a simpler tool", "just launched", "just as you described" and "just in time" stay quiet.',
    phrases: [`{i|i'm|i am|we|we're|we are|i was|i'd|i'll} {only}? just ${JUST_VERBS}`],
  },
  {
    id: 'just-start',
    drop: 'word',
    dropWords: ['just'],
    atStart: true,
    label: 'minimizes your own message',
    reason: 'The subject-less form at the start of a sentence: "Just wanted to say thanks", "Just checking in".',
    phrases: [`just ${JUST_VERBS}`],
  },
  {
    id: 'bother',
    drop: 'clause',
    label: 'apologizes for writing at all',
    reason:
      'Pre-apologising for the note: "sorry to bother you", "I hate to trouble you", "I hope I\'m not bothering you". (no-over-apology leaves "sorry to <verb> you" to this rule.)',
    phrases: [
      "{i'm|i am}? {so|very|really}? sorry to {bother|trouble|disturb|bug|pester|interrupt} you",
      'i hate to {bother|trouble|disturb|bug|pester|interrupt} you',
      "i hope {i'm|i am} not {bothering|disturbing|pestering|interrupting|intruding}",
      "i hope {this|it} {isn't|is not} a {bother|burden|nuisance}",
    ],
  },
  {
    id: 'busy',
    drop: 'clause',
    label: 'excuses the note before it starts',
    reason:
      'Acknowledging how busy the reader is, as an excuse for writing. "Thank you for making time" (gratitude) is not here.',
    phrases: [
      "i {know|realize|realise|understand|appreciate} {that}? {you're|you are} {very|so|extremely|incredibly|really|super|quite|probably}? {busy|swamped|slammed}",
      'i {know|realize|realise|understand} how busy you {are|must be}',
      'i {know|realize|realise|understand} {that}? your time is {valuable|precious|limited|scarce}',
    ],
  },
  {
    id: 'forward',
    drop: 'clause',
    label: 'doubts the note itself',
    reason: 'Worrying aloud that the note is too much: "I hope this isn\'t too forward", "I hope I\'m not overstepping".',
    phrases: [
      "i hope {this|it|that} {isn't|is not|doesn't come across as|does not come across as|doesn't seem|does not seem} {too|overly}? {forward|presumptuous|pushy|bold|intrusive|much|inappropriate}",
      "i hope {i'm|i am} not {overstepping|being too forward|being presumptuous|being pushy|being too pushy}",
    ],
  },
  {
    id: 'not-best',
    drop: 'clause',
    notIn: ['poor-fit'],
    label: 'argues against your own candidacy',
    reason:
      'Talking yourself down ("I may not be the best candidate, but…"). Not in the poor-fit scenario, where saying the role is not a match is the honest point of the note.',
    phrases: [
      '{i|i know i|i realize i|i realise i} {may|might|probably|possibly} not be the {best|ideal|perfect|strongest|obvious|right|most qualified|most experienced} {candidate|fit|person|choice|applicant|match|hire}',
      "{i'm|i am|i know i'm|i know i am|i realize i'm|i realise i'm} {probably|likely|certainly|definitely}? not the {best|ideal|perfect|strongest|obvious|most qualified|most experienced} {candidate|fit|person|choice|applicant|match|hire}",
      "{i'm|i am} {no|not an|not really an|not much of an} expert",
    ],
  },
  {
    id: 'trouble',
    drop: 'adjunct',
    label: 'asks permission to ask',
    reason: 'Conditional softeners around a request: "if it\'s not too much trouble", "if it isn\'t too much to ask".',
    phrases: [
      "if {it's|it is|that's|that is|this is} not {too much|too much of a} {trouble|bother|to ask}",
      "if {it|that|this} {isn't|is not} {too much|too much of a} {trouble|bother|to ask}",
      "if {it's|it is|that's|that is} no {trouble|bother}",
    ],
  },
  {
    id: 'think-might',
    drop: 'lead',
    label: 'doubts your own ability',
    reason:
      'A doubled hedge on yourself: "I think I might", "I feel like I could". An opinion about the work ("I think the roadmap is ambitious") has no "I might/could" after it and stays quiet.',
    phrases: ['i {think|believe|feel|guess|suppose} {like|that}? i {might|may|could}'],
  },
  {
    id: 'not-sure',
    drop: 'clause',
    label: 'doubts your own answer',
    reason:
      '"I\'m not sure if I …" about your own performance or whether your point is worth making. "I\'m not sure whether the team has decided" (a real question about them) stays quiet.',
    phrases: [
      "{i'm|i am} not {sure|certain} {if|whether} {i|i'm|i've|i'd|i was|i am|i did|my}",
      "{i'm|i am} not {sure|certain} {if|whether} {this|it|that} {is|was|would be|will be} {relevant|helpful|useful|appropriate|worth|of interest|any use}",
    ],
  },
];

const COMPILED = compileGroups(GROUPS);
const LEAD_VERBS = new Set(['think', 'believe', 'feel', 'guess', 'suppose']);

/** The words `[from, to)` the fix removes for a match. */
function dropRange(sentence: Sentence, group: HedgeGroup, from: number, to: number): [number, number] {
  const words = sentence.words;
  switch (group.drop) {
    case 'word': {
      for (let i = from; i < to; i++) if (group.dropWords?.includes(words[i].lower)) return [i, i + 1];
      return [from, to];
    }
    case 'lead': {
      let end = from;
      while (end < to && !LEAD_VERBS.has(words[end].lower)) end++;
      end++;
      if (end < to && (words[end].lower === 'like' || words[end].lower === 'that')) end++;
      return [from, Math.min(end, to)];
    }
    case 'adjunct':
      return [from, to];
    case 'clause': {
      let end = clauseEnd(sentence, to - 1);
      if (end < words.length && CLAUSE_CONJUNCTIONS.has(words[end].lower)) end++;
      return [from, end];
    }
  }
}

export default defineRule(
  {
    id: 'no-hedging',
    description: 'The note does not undercut itself with qualifiers such as "just wanted to" or "sorry to bother you"',
    severity: 'info',
    fixable: true,
    tags: ['tone'],
    sources: ['001', '002'],
  },
  ({ note, report }) => {
    const scenario = note.frontMatter.scenario;
    for (const sentence of note.sentences) {
      const { first, last } = messageWords(note, sentence);
      if (first >= last) continue;
      for (const match of matchGroups(sentence, COMPILED)) {
        const { group } = match;
        if (match.from < first || match.to > last) continue;
        if (group.atStart && match.from !== first) continue;
        if (group.notIn?.includes(scenario)) continue;
        if (negatedBefore(sentence, match.from, 2)) continue;
        const [from, to] = dropRange(sentence, group, match.from, match.to);
        const removed = note.text.slice(sentence.words[from].start, sentence.words[to - 1].end);
        const fix = removeWordsFix(note, sentence, from, to, `Remove ${quote(removed)}`);
        report({
          start: match.start,
          end: match.end,
          message: `${quote(note.text.slice(match.start, match.end))} ${group.label}; say what you mean without the qualifier.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
);
