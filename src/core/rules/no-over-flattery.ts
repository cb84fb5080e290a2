import { defineRule } from '../rule';
import type { Sentence } from '../note';
import { compileGroups, hasAny, matchGroups, messageWords, nameWords, negatedBefore, SECOND_PERSON, type GroupMatch, type PhraseGroup } from '../lexicon/tone-match';

/**
 * Superlatives heaped on the company or the interviewer. One sincere,
 * specific compliment is fine and is never reported; the rule speaks when
 * flattering sentences pile up (`minSentences`) or one sentence stacks
 * several superlatives (`minPerSentence`).
 *
 * A sentence counts when it has at least one SUPERLATIVES match *and* is
 * about the reader or the company (TARGET_NOUNS, "you/your", or a word of the
 * front matter's `company` or `to`).
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

interface Options {
  minSentences: number;
  minPerSentence: number;
}

interface Flattery {
  sentence: Sentence;
  matches: GroupMatch<PhraseGroup>[];
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
    for (const sentence of note.sentences) {
      const { first, last } = messageWords(note, sentence);
      if (first >= last) continue;
      const matches = matchGroups(sentence, COMPILED).filter((m) => {
        if (m.from < first || m.to > last) return false;
        if (negatedBefore(sentence, m.from, 2)) return false;
        if (m.group.id === 'most-adjective') {
          const next = sentence.words[m.to];
          if (!next || TOPIC_NOUNS.has(next.lower)) return false;
        }
        return true;
      });
      if (matches.length === 0) continue;
      targets ??= new Set([...TARGET_NOUNS, ...SECOND_PERSON, ...nameWords(note.frontMatter.company), ...nameWords(note.frontMatter.to)]);
      if (!hasAny(sentence, targets, first, last)) continue;
      found.push({ sentence, matches });
    }
    const piledUp = found.length >= minSentences;
    for (const { matches } of found) {
      const stacked = matches.length >= minPerSentence;
      if (!piledUp && !stacked) continue;
      const start = matches[0].start;
      const end = matches[matches.length - 1].end;
      const message = stacked
        ? `This sentence stacks ${matches.length} superlatives about them; keep one specific compliment that shows you listened.`
        : `This is one of ${found.length} sentences heaping praise on the company or the interviewer; keep the most specific one and cut the rest.`;
      report({ start, end, message });
    }
  },
);
