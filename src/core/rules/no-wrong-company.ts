import { defineRule, type RelatedLocation, type WorkspaceNote } from '../rule';
import type { Note, Sentence, Word } from '../note';
import { findPhrase } from '../phrases';
import { perNote, perWorkspace } from '../memo';
import {
  baseName,
  containsRun,
  frontMatterValueSpan,
  noteFeatures,
  sentenceTokens,
  workspaceCompanyKey,
  wordKeys,
  type Token,
} from '../lexicon/workspace-notes';
import { GROUP_WORDS, TITLES } from '../lexicon/structure-names';
import { readNote, type ClauseReading, type SentenceReading } from '../language/index';

/**
 * The note names, as the reader's company, a company that is another note's
 * `company` and not this one's: a sentence carried over from the note it was
 * copied from ("I would love to join the team at Harbor" in a note to
 * Fernleaf).
 *
 * A mention counts only where the sentence talks about the reader's company:
 * "join <X>", "<X>'s …", "the <X> team", "Dear <X> team", or "at / with / for /
 * about … <X>" in a sentence addressed to the reader, or <X> in a clause that
 * the language layer reads as speaking to the reader's side: it states
 * interest, thanks, praises or claims a fit ("I'm excited about what <X> is
 * building"), or <X> is the subject of a warm clause ("<X> seems like a
 * wonderful place to grow"). Clauses about the
 * writer's own past or present work ("I led the migration at <X>", "my years at
 * <X>", "when I was at <X>"), offers and other interviews, clients, friends and
 * comparisons are left alone: a note may name a previous employer that happens
 * to be another note's company.
 */

/** Legal and generic endings a company is often written without ("Harbor Analytics Inc." → "Harbor Analytics"). */
const LEGAL_SUFFIXES = new Set(['inc', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'gmbh', 'plc', 'ag', 'sa', 'bv', 'group', 'holdings']);

/** First words too common to stand for a company on their own ("United Foods" is not "United"). */
const GENERIC_FIRST_WORDS = new Set([
  'the', 'a', 'an', 'new', 'first', 'united', 'american', 'national', 'general', 'global', 'international', 'digital',
  'city', 'state', 'county', 'north', 'south', 'east', 'west', 'central', 'royal', 'great', 'big', 'little', 'open',
  'smart', 'modern', 'advanced', 'applied', 'best', 'good', 'bright', 'blue', 'green', 'red', 'black', 'white', 'my',
  'our', 'your', 'one', 'all', 'health', 'data', 'software', 'design', 'studio', 'bank', 'university', 'college',
  'school', 'hospital', 'clinic', 'museum', 'department', 'office', 'team', 'people',
]);

/** Prepositions that put a company in place: "the role at X", "a future with X", "excited about X". */
const PLACE_WORDS = new Set(['at', 'with', 'for', 'to', 'about', 'into', 'in', 'of', 'toward', 'towards', 'inside', 'within', 'across', 'around', 'on']);

/** Words right before the mention that make it a comparison or an example, not the reader's company. */
const COMPARISON_BEFORE = new Set(['like', 'unlike', 'than', 'versus', 'vs', 'including', 'from']);

/** Nouns after the mention that make it the reader's organisation ("the X team"). */
const TEAM_AFTER = new Set([...GROUP_WORDS, 'office', 'offices', 'campus', 'headquarters', 'hq', 'family', 'colleagues', 'employees', 'engineers', 'staff']);

/**
 * Words that, anywhere in the mention's sentence, say it is not about the
 * reader's company: offers and other interviews, clients and competitors,
 * friends, and time words of the writer's own history.
 */
const OTHER_CONTEXT_WORDS = new Set([
  'previously', 'formerly', 'former', 'prior', 'ago', 'alumni', 'alumnus', 'alumna', 'alum', 'ex',
  'offer', 'offers', 'offered', 'competing', 'competitor', 'competitors', 'compete', 'competes', 'rival', 'rivals',
  'client', 'clients', 'customer', 'customers', 'vendor', 'vendors', 'supplier', 'suppliers', 'acquired', 'acquisition', 'merger',
  'friend', 'friends', 'mentor', 'mentors', 'sister', 'brother', 'cousin', 'wife', 'husband', 'classmate', 'classmates', 'elsewhere',
  // Another company the reader works with: "your integration with X", "the partnership with X".
  'partner', 'partners', 'partnership', 'partnerships', 'integration', 'integrations', 'integrate', 'integrates', 'contract', 'contracts',
]);

/**
 * Phrases (on the clause's words) of the writer's own experience or other
 * applications. Past-tense work verbs only: "I enjoyed meeting the team at X"
 * is about the interview, and "I led the migration at X" about the writer's past.
 */
const OTHER_CONTEXT_PHRASES = [
  'i|we ... worked|led|built|managed|ran|spent|shipped|launched|developed|grew|founded|created|owned|migrated|redesigned|rebuilt|scaled|automated|implemented|introduced|trained|oversaw|supervised|started|joined|interned|consulted|volunteered|taught|headed|studied|graduated|designed|wrote|handled|coordinated|delivered',
  'i|we was|were',
  "i've|i'd|we've|we'd|have|has|had ... worked|been|led|built|managed|spent|run|shipped|launched|developed|grown|created|owned|scaled|taught|held|interned",
  'i|we currently? work|working',
  "i'm|we're currently? working|employed|based",
  'i|we am|are currently? working|employed|based',
  'my|our time|years|months|days|decade|tenure|stint|internship|internships|experience|work|job|jobs|role|roles|position|team|teammates|colleagues|manager|boss|employer|company|former|previous|prior|last|old|current|past|first',
  'years|months|decade|decades|summers at|with|in',
  'while|when i|we|at|working',
  'back when',
  'used to',
  'having ... worked|spent|led|been|built',
  "{also|currently|still} ... interviewing|applying|applied|talking|speaking",
  "i'm|i am ... interviewing|applying|talking|speaking",
  'current|past|previous employer|employers|job|role|company|position',
  // Someone else's workplace: "my friend Leo, who works at X".
  'who|he|she|they ... works|worked|work|working',
];

/**
 * Sentence words that say the sentence is written to the reader about their
 * organisation; a bare "at X" counts only in such a sentence.
 */
const READER_WORDS = new Set([
  'you', 'your', 'yours', "you're", "you've", "you'd", "you'll", 'team', 'teams', 'role', 'position', 'opening', 'opportunity',
  'job', 'join', 'joining', 'contribute', 'contributing', 'excited', 'eager', 'interest', 'interested', 'forward', 'hope',
  'hoping', 'future', 'thank', 'thanks', 'grateful', 'appreciate', 'appreciated', 'enjoyed', 'interview', 'visit', 'conversation',
  'conversations', 'meeting', 'panel', 'mission', 'culture', 'people', 'everyone', 'would', 'will', "i'd", "i'll", 'love', 'glad', 'help',
  'bring', 'next', 'tour', 'welcome',
]);

/** A company name of another note as token keys, with the notes it belongs to. */
interface Variant {
  keys: string[];
  company: string;
  /** The first word alone of a longer name ("Harbor" for Harbor Analytics). */
  short: boolean;
  owners: { file: string; note: Note }[];
}

function variantsOf(company: string): string[][] {
  let keys = wordKeys(company);
  if (keys[0] === 'the' && keys.length > 1) keys = keys.slice(1);
  const out = [keys];
  let core = keys;
  while (core.length > 1 && LEGAL_SUFFIXES.has(core[core.length - 1])) core = core.slice(0, -1);
  if (core.length !== keys.length) out.push(core);
  // The short form people write ("Harbor" for Harbor Analytics).
  if (core.length >= 2 && core[0].length >= 4 && !GENERIC_FIRST_WORDS.has(core[0]) && !/^\d+$/.test(core[0])) out.push([core[0]]);
  return out;
}

/** Every value of this note's front matter that may name a company legitimately (news of an offer, a topic, a name). */
function ownValues(note: Note): string[][] {
  const fm = note.frontMatter;
  const values = [fm.to, fm.from, fm.role, fm.news, fm.email, ...(fm.topics ?? []), ...(fm.strengths ?? [])];
  return values.filter((v): v is string => typeof v === 'string').map(wordKeys);
}

/** A company's name variants, derived once per note model (the workspace is scanned on every check). */
const cachedVariants = perNote((note): string[][] => {
  const company = noteFeatures(note).company;
  return company ? variantsOf(company) : [];
});

/** Every word key of the note's body and subject: a company whose first word is not among them cannot be named. */
const noteKeys = perNote((note): Set<string> => {
  const keys = new Set<string>();
  for (const sentence of note.sentences) for (const word of sentence.words) for (const key of wordKeys(word.text)) keys.add(key);
  const subject = note.frontMatter.subject;
  if (typeof subject === 'string') for (const key of wordKeys(subject)) keys.add(key);
  return keys;
});

/** A variant of the workspace with every note whose company has it, in workspace order. */
interface VariantGroup {
  variant: string[];
  owners: WorkspaceNote[];
}

/** Every company name variant of the workspace, by its first word key: built once per workspace array. */
const variantsByFirstKey = perWorkspace((workspace: readonly WorkspaceNote[]): Map<string, VariantGroup[]> => {
  const index = new Map<string, VariantGroup[]>();
  const byId = new Map<string, VariantGroup>();
  for (const other of workspace) {
    if (!workspaceCompanyKey(other)) continue;
    for (const variant of cachedVariants(other.note)) {
      if (variant.length === 0) continue;
      const id = variant.join(' ');
      const group = byId.get(id);
      if (group) {
        group.owners.push(other);
        continue;
      }
      const created: VariantGroup = { variant, owners: [other] };
      byId.set(id, created);
      const list = index.get(variant[0]);
      if (list) list.push(created);
      else index.set(variant[0], [created]);
    }
  }
  return index;
});

function buildVariants(note: Note, workspace: readonly WorkspaceNote[], file: string | undefined, ownKey: string): Map<string, Variant[]> {
  const byFirst = new Map<string, Variant[]>();
  let own: string[] | undefined;
  let values: string[][] | undefined;
  const index = variantsByFirstKey(workspace);
  // Only the variants whose first word this note uses (most companies are never named in it).
  for (const firstKey of noteKeys(note)) {
    for (const { variant, owners: all } of index.get(firstKey) ?? []) {
      const owners = all.filter((other) => other.file !== file && other.note !== note && workspaceCompanyKey(other) !== ownKey);
      if (owners.length === 0) continue;
      own ??= wordKeys(note.frontMatter.company ?? '');
      values ??= ownValues(note);
      // Names that overlap this note's company ("Harbor" when this is Harbor Health) or its other values are never wrong.
      if (containsRun(own, variant) || containsRun(variant, own)) continue;
      if (values.some((v) => containsRun(v, variant))) continue;
      const company = noteFeatures(owners[0].note).company!;
      const entry: Variant = { keys: variant, company, short: variant.length === 1 && wordKeys(company).length > 1, owners };
      const list = byFirst.get(variant[0]) ?? [];
      list.push(entry);
      byFirst.set(variant[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return byFirst;
}

/** Longest variant matching whole words at token `t`; returns it and the index one past its last token. */
function matchAt(tokens: Token[], t: number, byFirst: Map<string, Variant[]>): { variant: Variant; end: number } | undefined {
  if (!tokens[t].first) return undefined;
  for (const variant of byFirst.get(tokens[t].key) ?? []) {
    const end = t + variant.keys.length;
    if (end > tokens.length || !tokens[end - 1].last) continue;
    let ok = true;
    for (let j = 1; j < variant.keys.length && ok; j++) ok = tokens[t + j].key === variant.keys[j];
    if (ok) return { variant, end };
  }
  return undefined;
}

/** The mention's clause: words between punctuation that separates clauses. */
function clauseOf(note: Note, sentence: Sentence, from: number, to: number): Word[] {
  const words = sentence.words;
  const breaks = /[,;:()\u2014\u2013]|\s-\s/;
  let start = from;
  while (start > 0 && !breaks.test(note.text.slice(words[start - 1].end, words[start].start))) start--;
  let end = to;
  while (end < words.length && !breaks.test(note.text.slice(words[end - 1].end, words[end].start))) end++;
  return words.slice(start, end);
}

/** Context words and phrases outside the mention itself ("Juniper Partners" is a name, not a partner). */
function isOtherContext(sentence: Sentence, clause: Word[], mention: readonly Word[]): boolean {
  if (sentence.words.some((w) => OTHER_CONTEXT_WORDS.has(w.lower) && !mention.includes(w))) return true;
  return findPhrase({ ...sentence, words: clause.filter((w) => !mention.includes(w)) }, OTHER_CONTEXT_PHRASES) !== undefined;
}

/** The layer's reading of each sentence, by the parsed sentence it comes from. */
const readingsByOriginal = perNote((note): Map<Sentence, SentenceReading> => new Map(readNote(note).sentences.map((r) => [r.sentence.original, r])));

/** Acts that speak to the reader's side: a company named inside them is the one the note is for. */
const READER_ACTS = ['interest', 'thanks', 'praise', 'fit-claim'] as const;

/**
 * Whether the language layer reads the mention's clause as speaking to the
 * reader's side: an act of interest, thanks, praise or fit, or the mention as
 * the subject (within its clause's first words) of a clause with warm
 * sentiment. Not in a condition or a negated clause.
 */
function readerSideClause(note: Note, sentence: Sentence, start: number): boolean {
  const reading = readingsByOriginal(note).get(sentence);
  if (!reading) return false;
  const clause: ClauseReading | undefined = reading.clauses.find((c) => start >= c.start && start < c.end);
  if (!clause || clause.conditional || clause.negated) return false;
  if (READER_ACTS.some((act) => clause.acts.has(act))) return true;
  const words = reading.sentence.words;
  let at = clause.from;
  while (at < clause.to && words[at].start < start) at++;
  return at - clause.from <= 2 && clause.sentiment >= 2;
}

/** Whether the mention (words [from, to) of the sentence) names the reader's company. */
function namesReadersCompany(note: Note, sentence: Sentence, from: number, to: number): boolean {
  const words = sentence.words;
  const before = words[from - 1]?.lower;
  if (before && COMPARISON_BEFORE.has(before)) return false;
  const clause = clauseOf(note, sentence, from, to);
  if (isOtherContext(sentence, clause, words.slice(from, to))) return false;
  const lowers = words.map((w) => w.lower);
  // "join X", "join the team at X", "joining your group at X".
  for (let k = Math.max(0, from - 4); k < from; k++) if (/^(re)?join(ing|s)?$/.test(lowers[k])) return true;
  // "X's roadmap", "the X team".
  if (/['\u2019]s$/i.test(words[to - 1].text)) return true;
  if (to < words.length && TEAM_AFTER.has(lowers[to])) return true;
  if (before && PLACE_WORDS.has(before) && lowers.some((w) => READER_WORDS.has(w))) return true;
  return readerSideClause(note, sentence, words[from].start);
}

/** Name words of every `to` and `from` in the workspace: a company's short form that is also someone's name is ambiguous. */
function collectPersonWords(note: Note, workspace: readonly WorkspaceNote[]): { has(key: string): boolean } {
  const all = workspacePersonWords(workspace);
  const own = personWordsOf(note);
  return { has: (key) => all.has(key) || own.has(key) };
}

function personWordsOf(note: Note, out = new Set<string>()): Set<string> {
  for (const value of [note.frontMatter.to, note.frontMatter.from]) {
    if (typeof value === 'string') for (const key of wordKeys(value)) out.add(key);
  }
  return out;
}

const workspacePersonWords = perWorkspace((workspace: readonly WorkspaceNote[]): Set<string> => {
  const out = new Set<string>();
  for (const entry of workspace) personWordsOf(entry.note, out);
  return out;
});

/** The span of the name itself, without a possessive "'s". */
function nameEnd(word: Word): number {
  return /['\u2019]s$/i.test(word.text) ? word.end - 2 : word.end;
}

export default defineRule(
  {
    id: 'no-wrong-company',
    description: "The note names no other note's company as the reader's company",
    severity: 'error',
    fixable: true,
    tags: ['personalization', 'workspace'],
    sources: ['002'],
    scope: 'workspace',
  },
  ({ note, workspace, file, report }) => {
    if (!workspace?.length) return;
    const company = note.frontMatter.company?.trim();
    if (!company) return;
    const ownKey = noteFeatures(note).companyKey;
    const byFirst = buildVariants(note, workspace, file, ownKey);
    if (byFirst.size === 0) return;

    const flag = (start: number, end: number, written: string, variant: Variant, yaml = false) => {
      const owner = variant.owners[0];
      const to = owner.note.frontMatter.to?.trim();
      const whose = to ? `your note to ${to} (${baseName(owner.file)})` : baseName(owner.file);
      const related: RelatedLocation[] = variant.owners.slice(0, 3).map((o) => ({
        file: o.file,
        ...frontMatterValueSpan(o.note, 'company'),
        message: `${variant.company} is the company of this note${o.note.frontMatter.to ? ` to ${o.note.frontMatter.to.trim()}` : ''}.`,
      }));
      // In the YAML front matter, only a plain name can be put in place without quoting.
      const fixable = !yaml || /^[\p{L}\p{N}][\p{L}\p{N} .&()-]*$/u.test(company);
      report({
        start,
        end,
        message: `"${written}" is the company of ${whose}, but this note is for ${company} (front-matter "company"); was this copied from that note?`,
        expected: [company],
        related,
        fixes: fixable ? [{ title: `Replace with ${company}`, kind: 'fix', safe: false, edits: [{ start, end, newText: company }] }] : [],
      });
    };

    let personWords: { has(key: string): boolean } | undefined;
    // The greeting: "Dear Harbor team," in a note to Fernleaf.
    const greeting = note.greeting?.name;
    const signOffStart = note.signOff?.start ?? Infinity;
    note.sentences.forEach((sentence, si) => {
      if (sentence.start >= signOffStart) return;
      const tokens = sentenceTokens(sentence, si);
      for (let t = 0; t < tokens.length; t++) {
        const hit = matchAt(tokens, t, byFirst);
        if (!hit) continue;
        const from = tokens[t].word;
        const to = tokens[hit.end - 1].word + 1;
        const words = sentence.words.slice(from, to);
        t = hit.end - 1;
        // Lower case where the company is capitalised is an ordinary word ("the summit", "a beacon").
        if (/\p{Lu}/u.test(hit.variant.company) && !words.some((w) => /^\p{Lu}/u.test(w.text))) continue;
        // A short form must stand alone: not the start of another name ("Morgan Lee"), not a title's surname, not someone's name here.
        if (hit.variant.short) {
          const next = sentence.words[to];
          if (next && /^\p{Lu}/u.test(next.text) && !/[,;:.!?()]/.test(note.text.slice(words[0].end, next.start))) continue;
          if (from > 0 && TITLES.has(sentence.words[from - 1].lower.replace(/\.$/, ''))) continue;
          if ((personWords ??= collectPersonWords(note, workspace)).has(hit.variant.keys[0])) continue;
        }
        const start = words[0].start;
        const end = nameEnd(words[words.length - 1]);
        const inGreeting = greeting && start >= greeting.start && end <= greeting.end;
        if (inGreeting) {
          // Only a group greeting names a company ("Dear Harbor team,").
          if (!(to < sentence.words.length && TEAM_AFTER.has(sentence.words[to].lower))) continue;
        } else if (!namesReadersCompany(note, sentence, from, to)) continue;
        flag(start, end, note.text.slice(start, end), hit.variant);
      }
    });

    // The e-mail subject: "Follow-up: Data Analyst at Harbor".
    const subject = note.frontMatterBlock.entries.find((e) => e.key === 'subject' && typeof e.value === 'string');
    if (subject) {
      const raw = note.text.slice(subject.valueSpan.start, subject.valueSpan.end);
      const tokens: Token[] = [];
      for (const m of raw.matchAll(/[\p{L}\p{N}'\u2019]+(?:[-\u2010][\p{L}\p{N}'\u2019]+)*/gu)) {
        const start = subject.valueSpan.start + m.index!;
        const keys = wordKeys(m[0]);
        keys.forEach((key, k) => tokens.push({ key, start, end: start + m[0].length, sentence: -1, word: -1, first: k === 0, last: k === keys.length - 1 }));
      }
      for (let t = 0; t < tokens.length; t++) {
        const hit = matchAt(tokens, t, byFirst);
        if (!hit) continue;
        const before = tokens[t - 1]?.key;
        const start = tokens[t].start;
        const last = tokens[hit.end - 1];
        const end = /['\u2019]s$/i.test(note.text.slice(last.start, last.end)) ? last.end - 2 : last.end;
        t = hit.end - 1;
        if (before && (COMPARISON_BEFORE.has(before) || OTHER_CONTEXT_WORDS.has(before))) continue;
        const written = note.text.slice(start, end);
        if (/\p{Lu}/u.test(hit.variant.company) && !/\p{Lu}/u.test(written)) continue;
        if (hit.variant.short && (personWords ??= collectPersonWords(note, workspace)).has(hit.variant.keys[0])) continue;
        flag(start, end, written, hit.variant, true);
      }
    }
  },
);
