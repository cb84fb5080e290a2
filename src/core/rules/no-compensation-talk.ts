import type { Note } from '../note';
import { findPhrases, WordSet, wordIdsOf, type PhraseMatch } from '../phrases';
import { defineRule } from '../rule';
import { perNote } from '../memo';
import { bodySentences, cleanWord, FOLLOWERS, isNegated, modifiesNext, sentenceRemovalFix, type BodySentence } from '../lexicon/substance-common';

/**
 * The follow-up note is not the place to bring up pay. This rule flags a
 * sentence in which the writer asks about, wishes for or demands
 * compensation: a compensation word inside an asking or wanting frame, or a
 * question about it. A compensation word that names the subject matter of the
 * job ("the salary survey project", "your benefits enrollment portal", "the
 * Compensation Analyst role") is not a request and is left alone.
 */

/**
 * Compensation nouns, each a sequence of words. Multi-word entries come first
 * so "stock options" wins over "stock" (which is not listed on its own:
 * "stock" alone is inventory as often as pay).
 */
const COMPENSATION_TERMS: readonly string[][] = [
  ['paid', 'time', 'off'],
  ['stock', 'options'],
  ['stock', 'grant'],
  ['signing', 'bonus'],
  ['sign-on', 'bonus'],
  ['relocation', 'package'],
  ['relocation', 'assistance'],
  ['relocation', 'bonus'],
  ['health', 'insurance'],
  ['sick', 'days'],
  ['sick', 'leave'],
  ['parental', 'leave'],
  ['vacation', 'days'],
  ['vacation', 'time'],
  ['hourly', 'rate'],
  ['day', 'rate'],
  ['401', 'k'],
  // What the job pays back: costs of getting there, moving, living near it.
  ['per', 'diem'],
  ['moving', 'expenses'],
  ['moving', 'costs'],
  ['travel', 'expenses'],
  ['travel', 'costs'],
  ['travel', 'reimbursement'],
  ['salary'],
  ['salaries'],
  ['compensation'],
  ['pay'],
  ['wage'],
  ['wages'],
  ['bonus'],
  ['bonuses'],
  ['benefits'],
  ['pto'],
  ['vacation'],
  ['equity'],
  ['rsus'],
  ['rsu'],
  ['401k'],
  ['pension'],
  ['perks'],
  ['stipend'],
  ['commission'],
  ['overtime'],
  ['remuneration'],
  ['relocation'],
  ['reimbursement'],
  ['reimbursements'],
  ['reimbursed'],
  ['allowance'],
  ['allowances'],
  ['subsidy'],
  ['subsidies'],
  ['mileage'],
  ['expenses'],
];

/**
 * Words that continue a compensation noun and keep its meaning: "salary
 * range", "benefits package", "bonus structure". Any *other* content word
 * after the noun makes it a modifier of something else ("salary survey",
 * "benefits portal"), i.e. the subject matter of the job.
 */
const CONTINUATIONS = new Set([
  'range', 'ranges', 'band', 'bands', 'scale', 'scales', 'package', 'packages', 'expectations', 'expectation', 'requirements',
  'requirement', 'structure', 'details', 'detail', 'information', 'info', 'plan', 'plans', 'options', 'policy', 'policies',
  'grant', 'grants', 'offer', 'level', 'levels', 'budget', 'figure', 'figures', 'number', 'numbers', 'history', 'terms',
  'negotiation', 'negotiations', 'breakdown', 'overview', 'rate', 'rates', 'grade', 'grades', 'target', 'targets',
  'amount', 'situation', 'side', 'component', 'components', 'question', 'questions', 'discussion', 'conversation',
  'specifics', 'stake', 'percentage', 'match', 'matching', 'eligibility', 'schedule', 'days', 'time', 'allowance',
  'allowances', 'coverage', 'increase', 'increases', 'review', 'reviews',
]);

/** Idioms that use a compensation word for something else. */
const IDIOMS = [
  'as a|an added? bonus',
  'bonus point|points|round|track|content|episode|material|feature|level|question|tip',
  'benefit|benefits of|to|from',
  'the benefit of the doubt',
  'pay attention|off|tribute|close|it|a|back|forward|dividends|homage|respect|heed|down',
  'pay for itself|themselves',
  'health|brand|home|sweat|racial|social|digital|gender|educational|data|private|pay|public|diversity equity',
  'equity and|& inclusion',
  'equity research|analyst|analysts|markets|market|fund|funds|trading|desk|team|firm|partner|partners|investor|investors|financing|capital',
  'commission on|for the? ... arts|accreditation|planning|health|human|civil|public',
  'make|made|making|makes allowance|allowances',
];

/**
 * Who pays for getting to or living near the job: "would the company cover
 * my flights", "is parking paid for". A cost of the writer's, after a verb of
 * paying. Asked about, it is a question about compensation like any other.
 */
const COVERING = [
  'cover|covers|covered|covering|reimburse|reimburses|refund|refunds|subsidize|subsidise|subsidizes|subsidises|pay|pays|paid|compensate|compensated ... for? travel|parking|mileage|gas|fuel|flights|flight|airfare|hotel|lodging|move|moving|housing|rent|commute|commuting|fare|fares|tickets|costs|cost|expenses|fees|childcare|tuition',
  'travel|parking|mileage|gas|fuel|flights|flight|airfare|hotel|lodging|moving|housing|rent|commute|commuting|fares|tickets|childcare|tuition ... be|is|are|get|gets covered|paid|reimbursed|refunded|subsidized|subsidised',
];

/** The verbs that can open a COVERING match: a sentence without one of them (nearly all) skips the phrase search. */
const COVERING_VERBS = new WordSet(COVERING.flatMap((pattern) => pattern.split(' ')[0].split('|')));

function mayCover(sentence: BodySentence): boolean {
  const ids = wordIdsOf(sentence.words);
  for (let i = 0; i < ids.length; i++) if (COVERING_VERBS.has(ids[i])) return true;
  return false;
}

/**
 * Their practice, not the writer's pay: "how your team sets salary bands for
 * clients" is a question about the work (a compensation consultancy, an HR
 * platform). A compensation word right after one of these is left alone.
 */
const PRACTICE = [
  'how|way|ways you|your|the|they|we ... set|sets|design|designs|designed|build|builds|built|manage|manages|structure|structures|structured|handle|handles|calculate|calculates|run|runs|approach|approaches|benchmark|benchmarks|model|models|administer|administers|process|processes|track|tracks|audit|audits|automate|automates|think|thinks|price|prices|plan|plans|budget|budgets',
];

/** Questions and requests: the writer asking to be told about pay. */
const ASKING = [
  // "I'd like to know…", "I would love to hear more about…", "I wanted to ask about…"
  "i'd|i|we'd|we ... like|love|want|wanted|hope|hoping|wonder ... know|learn|hear|understand|ask|discuss|talk|chat|go|review|clarify|confirm|find|get|see|cover|touch",
  // "I was wondering…", "I'm curious about…"
  "i|i'm|i've was|am|been? wondering|curious|unclear|unsure",
  // "Could you tell me…", "Can we go over…"
  'could|can|would|will you|we ... tell|share|send|let|clarify|confirm|explain|provide|outline|give|walk|discuss|talk|go|cover|touch|say',
  'please tell|share|send|let|clarify|confirm|explain|provide|outline|advise|include',
  "i'd|i would? appreciate|welcome|value ... details|information|clarity|overview|breakdown|more|any|the",
  'let me know ... the|your|what|how|whether|if|about',
  'i have|had ... question|questions|query|queries',
  'any information|details|clarity|word|news on|about|regarding',
  // "What is the salary range", "How much vacation…"
  'what|how ... is|are|does|do|would|will|can|could|might',
  'is|are there ... any|a|an',
  "what's|what're",
];

/** "What does the role pay?": "pay" as a verb, asked about. */
const PAY_QUESTION = ['what|much does|do|would|will|might|could ... pay|pays'];

/** Wishes, expectations and demands: "my salary expectations", "I'd expect at least…", "happy to discuss compensation". */
const WANTING = [
  'my ... expectations|expectation|requirements|requirement|minimum|target|desired|ideal|current|asking',
  "i|i'd|i'm|i've|i'll|we ... expect|expecting|need|needing|require|requiring|want|wanting|looking|hoping|hope|ask|asking|request|requesting|count|insist|seeking|prefer",
  'negotiate|negotiating|negotiation',
  "let's|happy|glad|ready|open|can|could|should ... discuss|talk|go|review|finalize|settle|hammer",
];

/** Words of delight that, said by the writer about the pay on offer, put pay on the table. */
const FEELINGS = new Set(['excited', 'thrilled', 'glad', 'happy', 'pleased', 'delighted', 'love', 'loved', 'appreciate', 'appreciated', 'impressed', 'enjoyed']);

/** Evaluations of the pay on offer: "the generous bonus", "the PTO policy sounds great". */
const EVALUATIONS = new Set(['generous', 'attractive', 'competitive', 'great', 'amazing', 'excellent', 'fantastic', 'good', 'solid', 'fair', 'nice', 'lucrative', 'impressive', 'substantial', 'flexible', 'unlimited', 'wonderful', 'decent']);

const WRITER = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'my']);

/** "What you can do for me": the writer's side of the bargain. */
const FOR_ME = [
  'what ... can|could|will|would do|offer|give|provide for? me',
  "what's in it for me",
  'what i get|would get|will get|stand to get|can get out',
];

interface Term {
  from: number;
  to: number;
}

/** COMPENSATION_TERMS by first word, in list order. */
const TERMS_BY_FIRST = new Map<string, string[][]>();
for (const term of COMPENSATION_TERMS) TERMS_BY_FIRST.set(term[0], [...(TERMS_BY_FIRST.get(term[0]) ?? []), term]);

function termAt(words: readonly string[], i: number): Term | undefined {
  const terms = TERMS_BY_FIRST.get(words[i]);
  if (!terms) return undefined;
  for (const term of terms) {
    if (i + term.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < term.length; k++) {
      if (words[i + k] !== term[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { from: i, to: i + term.length };
  }
  return undefined;
}

/** Every compensation noun that stands for pay (not a modifier of something else, not part of an idiom). */
function compensationTerms(text: string, sentence: BodySentence, idioms: readonly PhraseMatch[], protectedWords: ReadonlySet<string>): Term[] {
  const words = sentence.words.map((w) => w.lower);
  const out: Term[] = [];
  for (let i = 0; i < words.length; i++) {
    const term = termAt(words, i);
    if (!term) continue;
    i = term.to - 1;
    if (idioms.some((m) => m.from < term.to && m.to > term.from)) continue;
    if (words.slice(term.from, term.to).some((w) => protectedWords.has(w))) continue;
    const next = words[term.to];
    if (modifiesNext(text, sentence, term.to, CONTINUATIONS)) continue; // "salary survey": a modifier
    const head = words[term.from];
    // "pay" is a noun only after a determiner or before a continuation ("the pay", "base pay", "pay range").
    if (head === 'pay' && term.to - term.from === 1) {
      const prev = words[term.from - 1];
      const asNoun = (next !== undefined && CONTINUATIONS.has(next)) || ['the', 'my', 'base', 'starting', 'take-home', 'annual', 'hourly', 'expected', 'about', 'and', 'or', 'of', 'on', 'your', 'total', 'what', 'entry-level'].includes(prev ?? '');
      if (!asNoun) continue;
    }
    const prev = words[term.from - 1] ?? '';
    // "your vacation", "a vacation": someone's time away, not the policy.
    if (head === 'vacation' && ['your', 'his', 'her', 'their', 'a', 'our'].includes(prev)) continue;
    // "equity in hiring", "equity for patients", "equity and inclusion": fairness, not shares.
    if (head === 'equity' && ['in', 'across', 'for', 'of', 'and', 'between', 'among'].includes(next ?? '')) continue;
    out.push(term);
  }
  return out;
}

/** Words of front-matter `role` and `company` that are compensation words: "Compensation Analyst", "Benefits Administrator". */
const protectedWordsOf: (note: Note) => Set<string> = perNote(computeProtectedWords);

function computeProtectedWords(note: Note): Set<string> {
  const set = new Set<string>();
  for (const value of [note.frontMatter.role, note.frontMatter.company]) {
    if (!value) continue;
    for (const part of value.split(/\s+/)) {
      const w = cleanWord(part);
      if (COMPENSATION_TERMS.some((t) => t.includes(w))) set.add(w);
    }
  }
  return set;
}


/**
 * Whether a frame match sits before the term (or around it), close enough to
 * govern it. Matches are sorted and never overlap, so only the last one that
 * starts at or before the term can qualify: a binary search keeps this linear
 * overall.
 */
function governs(frames: readonly PhraseMatch[], term: Term, reach: number): boolean {
  let lo = 0;
  let hi = frames.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid].from <= term.from) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found !== -1 && term.from - frames[found].to <= reach;
}

/**
 * Topic stems that are not about pay: a topic such as "benefits enrollment
 * portal" protects a sentence that names it, "salary expectations" does not.
 */
function mentionsNonPayTopic(note: Note, sentence: BodySentence, term: Term, words: ReadonlySet<string>): boolean {
  if (note.frontMatter.topics.length === 0) return false;
  const termWords = new Set(sentence.words.slice(term.from, term.to).map((w) => w.lower));
  for (const topic of note.frontMatter.topics) {
    const parts = topic.split(/[\s\-/]+/).map(cleanWord).filter(Boolean);
    if (!parts.some((p) => termWords.has(p))) continue;
    const others = parts.filter((p) => !termWords.has(p) && !CONTINUATIONS.has(p) && p.length > 3 && !['the', 'and', 'for', 'with', 'your', 'our'].includes(p));
    if (others.length > 0 && others.some((p) => words.has(p))) return true;
  }
  return false;
}

/** "What does it pay?": the verb "pay" ending an asking clause, outside any idiom ("pay attention"). */
function asksWhatItPays(sentence: BodySentence, payQuestions: readonly PhraseMatch[], idioms: readonly PhraseMatch[]): boolean {
  return payQuestions.some((m) => {
    if (idioms.some((i) => i.from < m.to && i.to > m.from)) return false;
    const next = sentence.words[m.to]?.lower;
    return next === undefined || FOLLOWERS.has(next);
  });
}

const FOR_YOU = 'what the company can do for you';

function wordsOf(sentence: BodySentence, term: Term): string {
  return sentence.words
    .slice(term.from, term.to)
    .map((w) => w.text)
    .join(' ');
}

/** The asking and wanting frames of a sentence, not negated (computed once per sentence). */
const framesOf = new WeakMap<BodySentence, { asking: PhraseMatch[]; wanting: PhraseMatch[] }>();

/** Whether the sentence asks about the term: it is a question, or a request or wish governs the term. */
function asksFor(note: Note, sentence: BodySentence, term: Term): boolean {
  if (sentence.question) return true;
  let frames = framesOf.get(sentence);
  if (!frames) {
    frames = {
      asking: findPhrases(sentence, ASKING).filter((m) => !isNegated(note.text, sentence, m.from, m.to)),
      wanting: findPhrases(sentence, WANTING).filter((m) => !isNegated(note.text, sentence, m.from, m.to)),
    };
    framesOf.set(sentence, frames);
  }
  return governs(frames.asking, term, 8) || governs(frames.wanting, term, 6);
}

/** Whether a word of the sentence can start a compensation noun (compensationTerms finds none otherwise). */
function namesPay(sentence: BodySentence): boolean {
  const words = sentence.words;
  for (let i = 0; i < words.length; i++) if (TERMS_BY_FIRST.has(words[i].lower)) return true;
  return false;
}

/** What the sentence raises about pay (for the message), or undefined. */
export function findCompensationTalk(note: Note, sentence: BodySentence): string | undefined {
  if (findPhrases(sentence, FOR_ME).length) return FOR_YOU;
  // Most sentences neither ask what the job pays nor name any pay: then there is nothing more to look at.
  const payQuestions = findPhrases(sentence, PAY_QUESTION);
  const covering = mayCover(sentence) ? findPhrases(sentence, COVERING) : [];
  if (payQuestions.length === 0 && covering.length === 0 && !namesPay(sentence)) return undefined;
  const idioms = findPhrases(sentence, IDIOMS);
  const cost = covering.find((m) => !idioms.some((i) => i.from < m.to && i.to > m.from) && asksFor(note, sentence, { from: m.from, to: m.to }));
  if (cost) return wordsOf(sentence, cost);
  if (asksWhatItPays(sentence, payQuestions, idioms)) return 'what the job pays';
  const terms = compensationTerms(note.text, sentence, idioms, protectedWordsOf(note));
  if (terms.length === 0) return undefined;
  const words = sentence.words.map((w) => w.lower);
  const wordSet = new Set(words);
  const writer = words.some((w) => WRITER.has(w));
  const practice = findPhrases(sentence, PRACTICE);
  for (const term of terms) {
    if (mentionsNonPayTopic(note, sentence, term, wordSet)) continue;
    if (practice.some((m) => m.to <= term.from && term.from - m.to <= 4)) continue;
    const name = wordsOf(sentence, term);
    // A question about it, or a request or wish that governs it.
    if (asksFor(note, sentence, term)) return name;
    const before = [words[term.from - 1], words[term.from - 2]];
    // "the generous bonus", said by the writer.
    if (writer && before.some((w) => w !== undefined && EVALUATIONS.has(w))) return name;
    // "the PTO policy sounds great".
    let after = term.to;
    while (after < words.length && CONTINUATIONS.has(words[after])) after++;
    if (['sounds', 'sounded', 'seems', 'seemed', 'looks', 'looked'].includes(words[after] ?? '') && words.slice(after + 1, after + 3).some((w) => EVALUATIONS.has(w))) return name;
    // "I was thrilled to hear about the equity package".
    if (writer && ['the', 'your', 'a', 'an', 'such'].includes(before[0] ?? '') && words.slice(Math.max(0, term.from - 8), term.from).some((w) => FEELINGS.has(w))) return name;
  }
  return undefined;
}

export default defineRule(
  {
    id: 'no-compensation-talk',
    description: 'The note does not ask about pay, benefits or perks',
    severity: 'warning',
    fixable: true,
    tags: ['red-flag'],
    sources: ['002'],
  },
  ({ note, report }) => {
    for (const sentence of bodySentences(note)) {
      const found = findCompensationTalk(note, sentence);
      if (!found) continue;
      report({
        start: sentence.start,
        end: sentence.end,
        message: `This sentence raises ${found === FOR_YOU || found === 'what the job pays' ? found : `"${found}"`}; leave pay and benefits for when they make an offer, and keep the note about the work.`,
        fixes: [sentenceRemovalFix(note, sentence, 'Remove this sentence')],
      });
    }
  },
);
