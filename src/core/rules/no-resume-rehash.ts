import { defineRule, type Report } from '../rule';
import type { List, ListItem, Nodes } from 'mdast';
import type { Note, Sentence, Word } from '../note';
import { compileGroups, FIRST_PERSON, hasAny, matchAt, matchGroups, messageWords, quote, type PhraseGroup } from '../lexicon/tone-match';
import { WordSet, wordIdsOf } from '../phrases';
import { readNote } from '../language/index';
import { credentialClauses, qualityRun, recapIn } from '../language/credentials';

/**
 * A note that restates the résumé. Four signals, each reported on its own:
 * 1. pointing the reader at the résumé ("my résumé shows", "as you can see
 *    from my CV") — REFERENCES;
 * 2. a bulleted list of qualifications: `minListItems` items or more that
 *    read as qualifications (QUALIFICATION_STARTS), or bare skills under a
 *    lead-in about skills (LEAD_IN);
 * 3. one sentence that enumerates `minListItems` or more comma-separated
 *    items after a first-person skills cue (SKILL_CUES): "I'm proficient in
 *    Python, SQL, Airflow and dbt";
 * 4. more than `maxYearsClaims` "N years of …" claims about yourself;
 * 5. announcing a recap ("to sum up my background") or a paragraph of
 *    `minListItems` or more résumé lines (degrees, certificates, past jobs
 *    with their numbers: language/credentials.ts).
 * Left alone: attaching a résumé ("I've attached an updated résumé"),
 * deferring to it ("my résumé covers the details, but…" — DEFERRAL), a list
 * of the topics you discussed, "two years ago", "in the next five years".
 */
const REFERENCES: readonly PhraseGroup[] = [
  {
    id: 'resume-shows',
    reason: 'The résumé as the subject of a "shows/lists/highlights" verb: the note is about to repeat it.',
    phrases: [
      '{my|the attached|the enclosed|my attached|my enclosed} {resume|résumé|resumé|cv} {also|clearly|further|already}? {shows|lists|highlights|details|outlines|demonstrates|reflects|mentions|indicates|covers|describes|summarizes|summarises|notes|says|states|proves|includes|contains|speaks}',
    ],
  },
  {
    id: 'as-you-can-see',
    reason: '"As you can see from my résumé", "as listed on my CV": pointing back at the résumé instead of adding something new.',
    phrases: [
      'as {you can see|you saw|you may have seen|you might have seen|you know|you noticed|noted|mentioned|listed|shown|stated|outlined|detailed|highlighted|indicated|described} {in|on|from|by} my {resume|résumé|resumé|cv}',
      '{you can see|you will see|you saw|you can tell} {from|in|on|by} my {resume|résumé|resumé|cv}',
    ],
  },
];

/** "My résumé covers the details, but…": deferring to the résumé instead of repeating it. */
const DEFERRAL: ReadonlySet<string> = new Set(['details', 'rest', 'specifics', 'particulars', 'everything', 'basics', 'history']);

/** How a bullet that states a qualification begins. */
const QUALIFICATION_STARTS: readonly string[] = [
  // "I have…" / "I bring…" bullets (a list of 4+ of them is a résumé in disguise).
  'i {have|bring|hold|possess}',
  "{i've|ive|i have} {led|built|managed|shipped|run|designed|worked|spent|developed|delivered|created|launched|grown|trained|taught|written|earned|completed|mentored|supervised|owned|been|won|published}",
  "{i'm|im|i am} {a|an}? {proficient|skilled|experienced|certified|fluent|familiar|expert|versed|comfortable|licensed}",
  // Résumé noun phrases: "Experience in…", "Proficient with…", "Strong communication skills".
  '{experience|experienced|expertise|proficient|proficiency|skilled|skills|knowledge|background|fluent|fluency|familiarity|familiar|certified|certification|certifications|competent|competence|competency|mastery|degree|bachelor|bachelors|masters|mba|phd|licensed|accredited}',
  "{bachelor's|master's}",
  '{strong|advanced|deep|extensive|solid|proven|demonstrated|excellent|expert|broad|hands-on|thorough|working|in-depth|exceptional|outstanding} {experience|knowledge|skills|skill|background|expertise|track|ability|understanding|proficiency|command|grasp|communication|leadership|analytical|technical|written|verbal|problem-solving|organizational|organisational|attention}',
  'track record',
  // "5 years of SQL", "10+ years managing teams".
  '* plus? {years|year|yrs}',
];

/** A paragraph ending in ":" that introduces a list of skills. */
const LEAD_IN: ReadonlySet<string> = new Set([
  'skills', 'skill', 'skillset', 'qualifications', 'qualification', 'qualified', 'experience', 'strengths', 'expertise', 'bring', 'background',
  'proficient', 'proficiencies', 'competencies', 'credentials', 'certifications', 'include', 'includes', 'offer', 'highlights', 'accomplishments',
  'achievements', 'résumé', 'resume', 'cv',
]);

/** First-person cues after which a comma-separated run is a list of skills. */
const SKILL_CUES: ReadonlySet<string> = new Set([
  'proficient', 'proficiency', 'skilled', 'skills', 'skillset', 'experienced', 'experience', 'expertise', 'fluent', 'certified', 'familiar',
  'familiarity', 'knowledge', 'background', 'competencies', 'competent', 'versed', 'expert', 'qualifications', 'mastered', 'know',
]);

const NUMBER_WORDS: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen',
  'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'several', 'many', 'multiple', 'numerous', 'few',
]);
/** After "N years": words that make it a claim of experience ("five years of Python", "six years at Acme", "ten years leading teams"). */
const YEARS_NEXT: ReadonlySet<string> = new Set([
  'of', 'in', 'as', 'at', 'with', 'doing', 'working', 'leading', 'building', 'managing', 'running', 'designing', 'developing', 'teaching',
  'writing', 'selling', 'supporting', 'experience', 'running',
]);
/** Before "N years": words that make it one ("I have five years", "my six years", "with ten years", "spent three years"). */
const YEARS_BEFORE: ReadonlySet<string> = new Set(['have', 'had', "i've", 'with', 'bring', 'spent', 'over', 'nearly', 'almost', 'my', 'than', 'about', 'for', 'by', 'some', 'roughly']);
/** "two years ago", "in five years", "the past three years", "every two years": time, not experience. */
const YEARS_NOT_AFTER: ReadonlySet<string> = new Set(['ago', 'old', 'from', 'later', 'earlier', 'back', 'before', 'since']);
const YEARS_NOT_BEFORE: ReadonlySet<string> = new Set(['in', 'within', 'next', 'every', 'per', 'past', 'last', 'first', 'coming', 'the']);

const REFERENCE_PHRASES = compileGroups(REFERENCES);
const QUALIFICATION_PHRASES = compileGroups([{ id: 'qualification', reason: 'See QUALIFICATION_STARTS.', phrases: QUALIFICATION_STARTS }]);

interface Options {
  maxYearsClaims: number;
  minListItems: number;
}

export default defineRule<Options>(
  {
    id: 'no-resume-rehash',
    description: 'The note adds to the résumé instead of restating it',
    severity: 'info',
    fixable: false,
    tags: ['substance'],
    sources: ['001'],
    options: {
      maxYearsClaims: {
        type: 'integer',
        default: 1,
        minimum: 0,
        maximum: 20,
        description: 'How many "I have N years of …" claims the note may make before each further one is reported.',
      },
      minListItems: {
        type: 'integer',
        default: 4,
        minimum: 2,
        maximum: 50,
        description: 'A bulleted list, or a comma-separated run in one sentence, with at least this many qualifications is reported.',
      },
    },
  },
  ({ note, options, report }) => {
    const maxYears = options.maxYearsClaims ?? 1;
    const minItems = options.minListItems ?? 4;
    const lists = listsOf(note);
    const inLists = listSpans(note, lists);

    // One pass over the sentences. References (1) are reported as found; enumerations (3) and
    // "N years" claims (4) are collected and reported after the lists (2), in that order.
    const enumerations: Report[] = [];
    const yearsClaims: Report[] = [];
    let claims = 0;
    let listAt = 0;
    for (const sentence of note.sentences) {
      const { first, last } = messageWords(note, sentence);
      const words = sentence.words;

      // 1. References to the résumé.
      for (const m of matchGroups(sentence, REFERENCE_PHRASES)) {
        if (m.from < first || m.to > last) continue;
        if (hasAny(sentence, DEFERRAL, m.to, Math.min(last, m.to + 3))) continue;
        report({
          start: m.start,
          end: m.end,
          message: `${quote(note.text.slice(m.start, m.end))} points back at your résumé; they have read it, so add something it does not say.`,
        });
      }

      // The first-person subject ("I", "my") both 3 and 4 need, the first skills cue after it (3),
      // and the "N years" claims after it (4).
      let self = false;
      let cue = -1;
      const ids = wordIdsOf(words);
      for (let i = first; i < last; i++) {
        const id = ids[i];
        if (self) {
          if (cue === -1 && SKILL_CUE_IDS.has(id)) cue = i;
          if ((MAYBE_NUMBER.has(id) || startsWithDigitOrPlus(words[i].lower)) && isYearsClaim(note, sentence, i, first, last)) {
            claims++;
            if (claims > maxYears) {
              const from = words[Math.max(first, i - 1)];
              const to = words[Math.min(last - 1, i + 2)];
              yearsClaims.push({
                start: from.start,
                end: to.end,
                message: `This is "years of experience" claim number ${claims} (more than ${maxYears}); your résumé has the numbers, so use the note for what they cannot read there.`,
              });
            }
          }
        } else if (FIRST_PERSON_IDS.has(id)) self = true;
      }

      // 3. A sentence that enumerates skills (list items are judged as lists below).
      while (listAt < inLists.length && inLists[listAt].end <= sentence.start) listAt++;
      if (listAt < inLists.length && inLists[listAt].start <= sentence.start) continue;
      const count = cue === -1 ? 0 : enumeratedSkills(note, words, cue, last, minItems);
      if (count >= minItems) {
        enumerations.push({
          start: sentence.start,
          end: sentence.end,
          message: `This sentence lists ${count} skills, which your résumé already shows; pick the one that matters most to them and say why.`,
        });
      }
    }

    // 2. Bulleted lists of qualifications.
    for (const list of qualificationLists(note, lists, minItems)) {
      report({
        start: list.start,
        end: list.end,
        message: `This list repeats ${list.count} qualifications from your résumé; keep the one that answers what they said they need, and tie it to the conversation.`,
      });
    }
    for (const found of enumerations) report(found);
    for (const found of yearsClaims) report(found);

    // 5. A recap announced, or a paragraph of résumé lines.
    const reported = new Set<number>([...enumerations, ...yearsClaims].map((r) => r.start));
    let paragraph = -1;
    let lines = 0;
    let from = 0;
    let to = 0;
    const flush = () => {
      if (lines >= minItems) {
        report({
          start: from,
          end: to,
          message: `This paragraph restates ${lines} lines of your résumé (degrees, years, past jobs); they have read it, so keep the one that answers what they need and tie it to the conversation.`,
        });
      }
    };
    for (const reading of readNote(note).sentences) {
      const sentence = reading.sentence;
      const qualities = qualityRun(reading, note.text);
      if (qualities >= minItems && !reported.has(sentence.start)) {
        report({ start: sentence.start, end: sentence.end, message: `This sentence lines up ${qualities} qualities, which your résumé already claims; name the one that matters most to them and show it with something from the conversation.` });
      }
      const recap = recapIn(reading);
      if (recap && !reported.has(recap.start)) {
        report({ start: recap.start, end: recap.end, message: `${quote(note.text.slice(recap.start, recap.end))} announces a recap of your résumé; they have read it, so add something it does not say.` });
      }
      if (sentence.paragraph !== paragraph) {
        flush();
        paragraph = sentence.paragraph;
        lines = 0;
      }
      const count = credentialClauses(reading, note.text);
      if (count === 0) continue;
      if (lines === 0) from = sentence.start;
      lines += count;
      to = sentence.end;
    }
    flush();
  },
);

/** The word sets the per-word loop tests, by word id (see WordSet: no hashing of each word again). */
const FIRST_PERSON_IDS = new WordSet(FIRST_PERSON);
const SKILL_CUE_IDS = new WordSet(SKILL_CUES);
const MAYBE_NUMBER = new WordSet(NUMBER_WORDS);

/** isYearsClaim's own first test, besides NUMBER_WORDS: a digit first, or "-plus" at the end. */
function startsWithDigitOrPlus(lower: string): boolean {
  const code = lower.charCodeAt(0);
  return (code >= 48 && code <= 57) || lower.endsWith('-plus');
}

/** Word `i` is the number of an "N years" claim (the caller checks that the writer is the subject: I/my before it). */
function isYearsClaim(note: Note, sentence: Sentence, i: number, first: number, last: number): boolean {
  const words = sentence.words;
  const lower = words[i].lower;
  // Most words are no number at all: leave before the pattern work.
  const code = lower.charCodeAt(0);
  if (!(code >= 48 && code <= 57) && !NUMBER_WORDS.has(lower) && !lower.endsWith('-plus')) return false;
  const word = lower.replace(/-plus$/, '');
  if (!/^\d{1,2}$/.test(word) && !NUMBER_WORDS.has(word)) return false;
  const unit = words[i + 1];
  if (!unit || i + 1 >= last || !/^(years?|yrs?)$/.test(unit.lower)) return false;
  if (word === 'few' && words[i - 1]?.lower !== 'a') return false;
  const prev = i > first ? words[i - 1].lower : '';
  const prev2 = i - 1 > first ? words[i - 2].lower : '';
  const next = i + 2 < last ? words[i + 2].lower : '';
  // "5+ years": the plus is not a word.
  const afterUnit = note.text.slice(unit.end, unit.end + 1);
  if (YEARS_NOT_AFTER.has(next) || YEARS_NOT_BEFORE.has(prev) || (prev === 'a' && YEARS_NOT_BEFORE.has(prev2))) return false;
  return YEARS_NEXT.has(next) || afterUnit === "'" || YEARS_BEFORE.has(prev) || (prev === 'a' && YEARS_BEFORE.has(prev2));
}

/** The number of short comma-separated items after the first-person skills cue at word `cue` (before word `last`). */
function enumeratedSkills(note: Note, words: readonly Word[], cue: number, last: number, minItems: number): number {
  const rest = note.text.slice(words[cue].end, words[last - 1].end);
  if ((rest.match(/[,;]/g) ?? []).length < minItems - 2) return 0; // cheap bail-out
  const segments = rest.split(/[,;]/).map((s) => s.trim());
  const lastSegment = segments[segments.length - 1];
  const split = /^(.+?)\s+(?:and|or|as well as)\s+(.+)$/i.exec(lastSegment);
  if (split && !/^(?:and|or)\b/i.test(lastSegment)) segments.splice(segments.length - 1, 1, split[1], split[2]);
  let count = 0;
  for (const segment of segments) {
    const size = segment.replace(/^(?:and|or)\s+/i, '').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (size === 0 || size > 5) break;
    count++;
  }
  return count;
}

interface FoundList {
  start: number;
  end: number;
  count: number;
}

/** Every Markdown list in the body with the block before it, in document order. */
function listsOf(note: Note): { list: List; leadIn: Nodes | undefined }[] {
  const lists: { list: List; leadIn: Nodes | undefined }[] = [];
  walkLists(note.tree, lists);
  return lists;
}

/** Spans of the lists. */
function listSpans(note: Note, lists: readonly { list: List }[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const { list } of lists) {
    const s = list.position?.start.offset;
    const e = list.position?.end.offset;
    if (s !== undefined && e !== undefined) spans.push({ start: s + note.bomLength, end: e + note.bomLength });
  }
  return spans;
}

function qualificationLists(note: Note, lists: readonly { list: List; leadIn: Nodes | undefined }[], minItems: number): FoundList[] {
  const found: FoundList[] = [];
  for (const { list, leadIn } of lists) {
    if (list.children.length < minItems) continue;
    const lead = leadIn ? leadInText(note, leadIn) : '';
    const skillsLead = lead.trimEnd().endsWith(':') && lead.toLowerCase().split(/[^\p{L}]+/u).some((w) => LEAD_IN.has(w));
    let count = 0;
    for (const item of list.children) {
      const sentence = itemSentence(note, item);
      if (!sentence) continue;
      const qualification = matchAt(sentence, 0, QUALIFICATION_PHRASES, 4) !== undefined;
      const bareSkill = skillsLead && sentence.words.length > 0 && sentence.words.length <= 4 && !/[.!?]\s*$/.test(sentence.text.trim());
      if (qualification || bareSkill) count++;
    }
    if (count >= minItems) {
      const s = list.position!.start.offset! + note.bomLength;
      const e = list.position!.end.offset! + note.bomLength;
      found.push({ start: s, end: e, count });
    }
  }
  return found;
}

/** The note's first sentence inside a list item. */
function itemSentence(note: Note, item: ListItem): Sentence | undefined {
  const s = item.position?.start.offset;
  const e = item.position?.end.offset;
  if (s === undefined || e === undefined) return undefined;
  const start = s + note.bomLength;
  const end = e + note.bomLength;
  // Binary search: the first sentence starting at or after the item (sentences are in text order).
  const sentences = note.sentences;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  const found = sentences[lo];
  return found && found.start < end ? found : undefined;
}

function leadInText(note: Note, node: Nodes): string {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined || node.type !== 'paragraph') return '';
  return note.text.slice(s + note.bomLength, e + note.bomLength);
}

/**
 * Collect top-level and nested lists with the block right before each (its lead-in), in
 * document order. Iterative: 10,000 nested `>` must not overflow the stack.
 */
function walkLists(root: Nodes, out: { list: List; leadIn: Nodes | undefined }[]): void {
  const stack: { children: Nodes[]; at: number }[] = [];
  const enter = (node: Nodes) => {
    // A paragraph or heading holds only inline content, never a list: not worth descending into.
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') stack.push({ children: node.children as Nodes[], at: 0 });
  };
  enter(root);
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.at >= frame.children.length) {
      stack.pop();
      continue;
    }
    const i = frame.at++;
    const child = frame.children[i];
    if (child.type === 'list') out.push({ list: child, leadIn: frame.children[i - 1] });
    enter(child);
  }
}
