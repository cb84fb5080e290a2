import { defineRule } from '../rule';
import type { Sentence } from '../note';
import { compileGroups, findPhrase, matchGroups, type GroupMatch, type PhraseGroup } from '../phrases';
import { nameWords } from '../lexicon/tone-match';
import { negatedAt, readNote, valence, type SentenceReading } from '../language/index';
import { READER_WORDS } from '../language/word-classes';

/**
 * Superlatives heaped on the company or the interviewer. One sincere,
 * specific compliment is fine and is never reported; the rule speaks when
 * flattering sentences pile up (`minSentences`) or one sentence stacks
 * several superlatives (`minPerSentence`).
 *
 * A sentence counts when it has at least one SUPERLATIVES match *and* is
 * about the reader or the company (TARGET_NOUNS, "you/your", or a word of the
 * front matter's `company` or `to`).
 *
 * On the language layer, two more signs: words of strong praise (valence 4
 * or more: "brilliant", "outstanding") in a clause about the reader count as
 * superlatives, and an unbounded superlative about a person or an
 * organisation ("the most visionary leader I have ever met", "the finest
 * employer in the state", "I have never met anyone like you") is reported on
 * its own: no sincere compliment needs the whole world as its scale. A
 * superlative about their work ("the most impressive test rig I have seen")
 * is a compliment and is left alone.
 */
const SUPERLATIVES: readonly PhraseGroup[] = [
  {
    id: 'most-adjective',
    reason:
      '"the most inspiring leader", "the most amazing company". The word after it must not be a topic noun (TOPIC_NOUNS): "the most interesting part of the day" praises the conversation, not the reader.',
    phrases: [
      '{the|your}? most {amazing|incredible|inspiring|impressive|innovative|brilliant|talented|gifted|admired|respected|visionary|wonderful|fantastic|remarkable|extraordinary|outstanding|awesome|exceptional|inspirational|prestigious|dynamic|forward-thinking|successful|intelligent|insightful|accomplished|phenomenal}',
    ],
  },
  {
    id: 'best-org',
    reason:
      '"the best team", "the greatest company", "best in the industry". Only with organisation or leader nouns: "the best part", "the best way" and "Best regards" are not here.',
    phrases: [
      '{the|your} {very}? {best|greatest|finest} {company|team|culture|leader|leadership|manager|boss|employer|workplace|organization|organisation|interviewer|mentor|engineering team|design team|product team|place to work|company to work for}',
      '{best|greatest|finest|top|number one|#1} {team|company|employer|culture|workplace|organization|organisation}? in the {industry|world|business|country|field|market|space|sector}',
    ],
  },
  {
    id: 'intensified',
    reason:
      'Strong adjectives pushed further: "truly incredible", "absolutely amazing", "simply brilliant". Plain "impressive" or "really interesting" is ordinary enthusiasm and is not here.',
    phrases: [
      '{truly|absolutely|simply|utterly|incredibly|unbelievably|insanely|beyond} {amazing|incredible|inspiring|impressive|remarkable|extraordinary|phenomenal|brilliant|outstanding|exceptional|wonderful|fantastic|awesome|inspirational|visionary|legendary|magnificent|breathtaking|awe-inspiring|mind-blowing|unbelievable|stellar|world-class|unmatched}',
    ],
  },
  {
    id: 'strong',
    reason: 'Words and idioms that are flattery on their own: "world-class", "legendary", "second to none", "my role model", "in awe of".',
    phrases: [
      '{world-class|world class|legendary|unparalleled|unmatched|unrivaled|unrivalled|peerless|iconic|awe-inspiring|mind-blowing|rockstar|rock-star}',
      'rock {star|stars}',
      'second to none',
      'like no other',
      'without equal',
      'nothing short of {amazing|incredible|brilliant|inspiring|remarkable|extraordinary|phenomenal|spectacular}',
      'in awe of',
      'my {idol|hero|heroes|idols|role model}',
      '{a|the|my} dream {company|employer|team|workplace}',
    ],
  },
];

/** Nouns after "the most <adjective>" that make it praise of a topic, not of the reader. */
const TOPIC_NOUNS: ReadonlySet<string> = new Set([
  'part', 'parts', 'thing', 'things', 'moment', 'moments', 'question', 'questions', 'aspect', 'aspects', 'point', 'points', 'idea', 'ideas',
  'takeaway', 'takeaways', 'lesson', 'lessons', 'detail', 'details', 'piece', 'problem', 'problems', 'challenge', 'challenges', 'project',
  'projects', 'bit', 'feature', 'features', 'result', 'results', 'conversation', 'conversations', 'discussion', 'interview', 'day', 'example',
  'insight', 'insights', 'hour', 'topic', 'topics', 'demo', 'exercise', 'of',
]);

/** Words that make a sentence about the company or the people in it. */
const TARGET_NOUNS: ReadonlySet<string> = new Set([
  'company', 'team', 'teams', 'organization', 'organisation', 'leadership', 'leader', 'leaders', 'culture', 'office', 'mission', 'product',
  'products', 'interviewer', 'interviewers', 'panel', 'people', 'staff', 'founders', 'founder', 'ceo', 'manager', 'managers', 'employer',
  'workplace', 'engineers', 'designers', 'group', 'department', 'brand', 'firm',
]);

const COMPILED = compileGroups(SUPERLATIVES);

/** People and organisations: the objects of flattery, unlike their work. */
const PERSON_OR_ORG = 'person|people|leader|leaders|company|employer|team|manager|mentor|interviewer|boss|organization|organisation|firm|professional|individual|human|mind|minds|group|workplace|place';

/** An unbounded superlative about a person or an organisation, or "never met anyone like you". */
const UNBOUNDED = [
  `most|best|greatest|finest|smartest|brightest|kindest|single ... ${PERSON_OR_ORG} ... ever|met|encountered|known|industry|world|sector|field|state|country|business|entire|anywhere|history|planet|midwest`,
  `never {met|encountered|known|seen|worked with|come across} ... {a|an|anyone|anybody|someone} ... ${PERSON_OR_ORG}|like|as|with|more|so`,
];

/** Words of strong praise: valence at least this high. */
const STRONG_PRAISE = 4;

/** Words of strong praise in the sentence's clauses about the reader (not in pleasantries: "wonderful to meet you"). */
function strongPraise(reading: SentenceReading): number {
  let n = 0;
  for (const clause of reading.clauses) {
    if (!clause.about.has('reader') || clause.acts.has('pleasantry')) continue;
    for (let i = clause.from; i < clause.to; i++) {
      if (valence(reading.sentence.words[i].lower) >= STRONG_PRAISE && !negatedAt(reading.sentence.words, i, clause.from)) n++;
    }
  }
  return n;
}

interface Options {
  minSentences: number;
  minPerSentence: number;
}

interface Flattery {
  sentence: Sentence;
  matches: GroupMatch<PhraseGroup>[];
  /** Words of strong praise about the reader. */
  strong: number;
  /** An unbounded superlative about a person or an organisation. */
  unbounded: boolean;
}

export default defineRule<Options>(
  {
    id: 'no-over-flattery',
    description: 'Superlatives about the company or the interviewer do not pile up',
    severity: 'info',
    fixable: false,
    tags: ['tone'],
    sources: ['002'],
    options: {
      minSentences: {
        type: 'integer',
        default: 2,
        minimum: 1,
        maximum: 50,
        description: 'Report when at least this many sentences flatter the company or the interviewer.',
      },
      minPerSentence: {
        type: 'integer',
        default: 3,
        minimum: 2,
        maximum: 20,
        description: 'Report a single sentence that stacks at least this many superlatives, however few flattering sentences there are.',
      },
    },
  },
  ({ note, options, report }) => {
    const minSentences = options.minSentences ?? 2;
    const minPerSentence = options.minPerSentence ?? 3;
    // Built on the first sentence that needs it (most notes flatter no one).
    let targets: ReadonlySet<string> | undefined;
    const found: Flattery[] = [];
    for (const reading of readNote(note).sentences) {
      const sentence = reading.sentence;
      const words = sentence.words;
      const matches = matchGroups(sentence, COMPILED).filter((m) => {
        if (negatedAt(words, m.from, 0, 2)) return false;
        if (m.group.id === 'most-adjective') {
          const next = words[m.to];
          if (!next || TOPIC_NOUNS.has(next.lower)) return false;
        }
        return true;
      });
      const strong = strongPraise(reading);
      const unbounded = findPhrase(sentence, UNBOUNDED);
      if (matches.length === 0 && strong === 0 && !unbounded) continue;
      targets ??= new Set([...TARGET_NOUNS, ...READER_WORDS, ...nameWords(note.frontMatter.company), ...nameWords(note.frontMatter.to)]);
      if (!reading.about.has('reader') && !words.some((w) => targets!.has(w.lower))) continue;
      found.push({ sentence, matches, strong, unbounded: unbounded !== undefined && !negatedAt(words, unbounded.from, 0, 2) });
    }
    const piledUp = found.length >= minSentences;
    for (const { sentence, matches, strong, unbounded } of found) {
      const count = matches.length + strong;
      const stacked = count >= minPerSentence;
      if (!piledUp && !stacked && !unbounded) continue;
      const start = matches.length ? Math.min(matches[0].start, sentence.start) : sentence.start;
      const end = sentence.end;
      const message = unbounded
        ? 'This sentence ranks them above everyone, which reads as flattery; keep one specific compliment that shows you listened.'
        : stacked
          ? `This sentence stacks ${count} superlatives about them; keep one specific compliment that shows you listened.`
          : `This is one of ${found.length} sentences heaping praise on the company or the interviewer; keep the most specific one and cut the rest.`;
      report({ start, end, message });
    }
  },
);
