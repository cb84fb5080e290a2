/**
 * Template slots: the bits of a template a writer is meant to replace before
 * sending ("[Company name]", "{{first_name}}", "<Name>", "____", "XX", "TODO").
 *
 * Scanned on raw text (Markdown hides `<Name>` as inline HTML and drops `[`
 * from its words), with caller-supplied spans (code, URLs, comments, links)
 * skipped. Each slot says which front-matter key could fill it, when one can.
 */
import type { Span } from '../note';

export type SlotKey = 'to' | 'company' | 'role' | 'from' | 'topic';

export type SlotKind = 'brackets' | 'braces' | 'snippet' | 'angle' | 'parens' | 'underscores' | 'letters' | 'marker' | 'phrase';

export interface Slot extends Span {
  text: string;
  kind: SlotKind;
  /** The front-matter key the slot asks for, when it names one. */
  key?: SlotKey;
  /** For `to`: the slot asks only for the first or the last name. */
  part?: 'first' | 'last';
  /** The slot is just "name" (which name depends on where it is: greeting → `to`, signature → `from`). */
  bareName?: boolean;
}

interface Label {
  key?: SlotKey;
  part?: 'first' | 'last';
  bareName?: boolean;
  /** Says "name" or "title" outright, or is an instruction ("insert …"): a slot even in parentheses. */
  explicit: boolean;
  /** Known template vocabulary (a key, or a detail such as "date" or "topic"). */
  known: boolean;
  /** Reads as an instruction to the writer ("insert …", "something specific …"). */
  instruction: boolean;
  /** Starts with "the", "a" or "an": "[the company]" is more likely an editor's insertion in a quote. */
  determiner?: boolean;
}

// Labels are compared lower-cased, with underscores, hyphens and camelCase split into words.

/** The writer's own name: filled from `from`. */
const FROM_LABEL = /^(?:(?:your|my|sender'?s?|applicant'?s?|candidate'?s?)(?: (?:full|first|last))? name(?: here)?|(?:your|my) signature|signature|sender)$/;
/** The recipient's name: filled from `to`. */
const TO_NAME_LABEL =
  /^(?:(?:the )?(?:interviewer|hiring manager|recipient|contact|manager|recruiter|person|addressee|their|his|her|his\/her|his or her|mr\/ms|mr|ms|mrs|dr)(?:'s|s'|s)? )?(first |last |full |given |family |sur)?name$/;
/** The recipient by role, without the word "name": a slot in brackets, a legitimate descriptor in parentheses ("Ana (hiring manager)"). */
const TO_ROLE_LABEL = /^(?:interviewer|hiring manager|recipient|addressee|contact person|first name|last name|surname)$/;
const COMPANY_LABEL = /^(?:the )?(?:company|organi[sz]ation|employer|firm|business|agency|org|school|university)(?:'s)?( name)?$/;
const ROLE_LABEL = /^(?:the )?(?:(?:job|position|role)(?:'s)? )?(title|position|role|job)( title| name)?$/;

/** Details a template asks for that no front-matter key fills. Single words; a label made of these (plus a few modifiers) is a slot. */
const DETAIL_WORDS = new Set([
  'date', 'day', 'time', 'weekday', 'topic', 'topics', 'project', 'skill', 'skills', 'strength', 'strengths',
  'accomplishment', 'achievement', 'detail', 'details', 'example', 'reason', 'city', 'location', 'department',
  'product', 'phone', 'email', 'link', 'url', 'website', 'amount', 'blank', 'placeholder', 'referral', 'industry',
  'technology', 'tool', 'team name', 'number',
]);
/** Words that may accompany a detail word in a label ("[specific project name]", "[your phone number]"). Not "the": "[the project]" is an editor's insertion in a quote. */
const DETAIL_MODIFIERS = new Set(['your', 'their', 'my', 'our', 'his', 'her', 'specific', 'interview', 'of', 'name', 'or', 'and', '/', 'here', 'relevant', 'key', 'main', 'one', 'a', 'an', 'team', 'meeting', 'start', 'follow', 'up', 'address']);

/** An instruction to the writer at the start of a label. Parentheses take only the unmistakable ones. */
const INSTRUCTION_START = /^(?:please )?(?:insert|enter|add|type|fill in|fill|mention|describe|include|name of|put)\b/;
const PAREN_INSTRUCTION_START = /^(?:please )?(?:insert|fill in|enter)\b/;

function normalizeLabel(raw: string): string {
  return raw
    .replace(/\\/g, '')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

function classify(raw: string): Label {
  const label = normalizeLabel(raw);
  const determiner = /^(?:the|a|an) /.test(label);
  const result = classifyNormalized(label);
  return determiner && !result.explicit && !result.instruction ? { ...result, known: false, determiner } : result;
}

function classifyNormalized(label: string): Label {
  const instruction = INSTRUCTION_START.test(label) || /\b(?:something|specific|such and such)\b/.test(label);
  const bare = label.replace(INSTRUCTION_START, '').replace(/^(?:the|a|an) /, '').replace(/ here$/, '').trim();
  if (FROM_LABEL.test(bare)) return { key: 'from', explicit: true, known: true, instruction };
  const name = TO_NAME_LABEL.exec(bare);
  if (name) {
    const mod = name[1]?.trim();
    const part = mod === 'first' || mod === 'given' ? 'first' : mod === 'last' || mod === 'family' || mod === 'sur' ? 'last' : undefined;
    return { key: 'to', part, bareName: bare === 'name' || bare === 'full name', explicit: true, known: true, instruction };
  }
  if (TO_ROLE_LABEL.test(bare)) {
    const part = bare === 'first name' ? 'first' : bare === 'last name' || bare === 'surname' ? 'last' : undefined;
    return { key: 'to', part, explicit: false, known: true, instruction };
  }
  const company = COMPANY_LABEL.exec(bare);
  if (company) return { key: 'company', explicit: Boolean(company[1]), known: true, instruction };
  // "[topic]", "[a topic you discussed]": filled from front-matter topics.
  if (/^(?:(?:one|main|key|specific) )?topics?(?: (?:you|we) (?:discussed|talked about))?$/.test(bare)) return { key: 'topic', explicit: false, known: true, instruction };
  const role = ROLE_LABEL.exec(bare);
  if (role) return { key: 'role', explicit: role[1] === 'title' || Boolean(role[2]), known: true, instruction };
  const words = bare.split(/ |(?=\/)|(?<=\/)/).filter(Boolean);
  const known =
    DETAIL_WORDS.has(bare) ||
    (words.length > 0 && words.length <= 5 && words.some((w) => DETAIL_WORDS.has(w)) && words.every((w) => DETAIL_WORDS.has(w) || DETAIL_MODIFIERS.has(w)));
  return { explicit: instruction, known, instruction };
}

/** HTML element names, which are never slots even when written in capitals ("<DIV>"). */
const HTML_TAGS = new Set(
  'a abbr address b blockquote br center cite code dd del details div dl dt em font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s small span strike strong sub summary sup table tbody td th thead tr u ul'.split(' '),
);

/** ALL CAPS letters (three or more), as templates often write their slots: "[COMPANY]", "<FIRST NAME>". */
function isAllCaps(raw: string): boolean {
  if (HTML_TAGS.has(raw.trim().toLowerCase())) return false;
  const letters = raw.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Bracket contents that are never slots: task-list boxes, footnote marks, numbers, "[sic]", ellipses. */
const NOT_A_BRACKET_SLOT = /^(?:\s|x|X|\^.*|[\d\s,.\-–]+|sic|\.\.\.|…|[^\p{L}]*)$/u;

interface Candidate extends Span {
  kind: SlotKind;
  label?: Label;
}

/** Merge spans into sorted, disjoint intervals (for binary search). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

/** Whether `[start, end)` overlaps any of the merged spans. */
export function overlapsMerged(merged: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = merged.length - 1;
  // The last span that starts before `end`.
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid].start < end) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found !== -1 && merged[found].end > start;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

// Hoisted: a `\p{…}` outside a character class makes esbuild (Node 20 target: tsx, the CLI bundle)
// emit `new RegExp(…)` where the literal stands, i.e. on every call. Each is run with `exec` from
// lastIndex 0 (what `matchAll` does, without the copy of the expression it makes on every call);
// findSlots never runs inside itself, so sharing them is safe.
const BRACKET_SLOT = /\[([^[\]\n]{1,80})\]/g;
const DOUBLE_BRACE_SLOT = /\{\{([^{}\n]{0,80})\}\}/g;
const SNIPPET_SLOT = /\$\{\d+(?::([^{}\n]{0,80}))?\}|\$\{\d+\|[^}\n]{0,80}\|\}/g;
const SINGLE_BRACE_SLOT = /(?<![{$])\{([^{}\n]{1,60})\}(?!\})/g;
const ANGLE_SLOT = /<(\p{L}[\p{L}\s'\u2019_\-/]{0,60})>/gu;
const PAREN_SLOT = /\(([^()\n]{1,60})\)/g;
const UNDERSCORES = /(?:\\?_){3,}/g;
const FILLER_LETTERS = /(?<![\p{L}\p{N}_-])(?:X{2,}|x{2,}|(?:19|20)XX)(?:[/.:](?:X{2,}|x{2,}))*(?![\p{L}\p{N}_-])/gu;
const MARKERS = /(?<![\p{L}\p{N}_-])(?:TODO|FIXME|TKTK|TK)(?![\p{L}\p{N}_-])/gu;
const YOUR_NAME = /(?<!\p{L})(?:Your|YOUR) (?:(?:Full|First|Last|FULL|FIRST|LAST) )?(?:Name|NAME)(?!\p{L})/gu;
/**
 * A label written in capitals without brackets ("Dear NAME,", "at COMPANY NAME", "the POSITION TITLE role"):
 * one to three capitalised words ending in a word a template asks for. Classified like a bracket's label.
 */
const CAPITALS_SLOT =
  /(?<![\p{L}\p{N}_-])(?:(?:YOUR|FIRST|LAST|FULL|COMPANY|HIRING MANAGER'?S?|INTERVIEWER'?S?|RECIPIENT'?S?|JOB|POSITION|CONTACT|EMPLOYER)\s)?(?:NAME|COMPANY|EMPLOYER|POSITION|TITLE|JOB TITLE|ROLE)(?![\p{L}\p{N}_-])/gu;
const SO_AND_SO = /(?<!\p{L})(?:so|such)[- ]and[- ](?:so|such)(?!\p{L})/giu;
/**
 * What SO_AND_SO cannot match without (case-insensitive "and" between spaces or hyphens: no
 * other letter folds to a, n or d). The expressions that open with a look-behind test it at
 * every position of the text, so each gets a cheap test for a string it needs first.
 */
const AND_BETWEEN = /[- ][aA][nN][dD][- ]/;

function addCandidate(candidates: Candidate[], from: number, index: number, length: number, kind: SlotKind, label?: Label): void {
  candidates.push({ start: from + index, end: from + index + length, kind, label });
}

/** Labels repeat (the same asides, the same slots): classified once each, up to a bound. */
const labelCache = new Map<string, Label>();
const MAX_CACHED_LABELS = 5000;

function classifyCached(raw: string): Label {
  let label = labelCache.get(raw);
  if (!label) {
    label = classify(raw);
    if (labelCache.size >= MAX_CACHED_LABELS) labelCache.clear();
    labelCache.set(raw, label);
  }
  return label;
}

/**
 * Every template slot in `text[from, to)`, leftmost first, none overlapping and none
 * touching a `skip` span (pass them merged, see mergeSpans).
 */
export function findSlots(text: string, from: number, to: number, skip: readonly Span[] = []): Slot[] {
  const region = text.slice(from, to);
  const candidates: Candidate[] = [];
  let m: RegExpExecArray | null;

  // [Company name]: not a link, reference, image, footnote or task-list box.
  BRACKET_SLOT.lastIndex = 0;
  while ((m = BRACKET_SLOT.exec(region)) !== null) {
    const i = m.index;
    const before = text[from + i - 1];
    const after = text[from + i + m[0].length];
    if (before === '!' || before === ']' || after === '(' || after === '[') continue;
    const inner = m[1];
    if (NOT_A_BRACKET_SLOT.test(inner.trim())) continue;
    const label = classifyCached(inner);
    if (label.known || label.instruction || (isAllCaps(inner) && !/^\s*sic\s*$/i.test(inner))) addCandidate(candidates, from, i, m[0].length, 'brackets', label);
  }
  // {{first_name}}: always a slot.
  DOUBLE_BRACE_SLOT.lastIndex = 0;
  while ((m = DOUBLE_BRACE_SLOT.exec(region)) !== null) addCandidate(candidates, from, m.index, m[0].length, 'braces', classifyCached(m[1]));
  // ${1:Name}, ${2|a,b|}: a snippet tab stop pasted as text.
  SNIPPET_SLOT.lastIndex = 0;
  while ((m = SNIPPET_SLOT.exec(region)) !== null) addCandidate(candidates, from, m.index, m[0].length, 'snippet', classifyCached(m[1] ?? ''));
  // {name}: a single-brace slot when it names something a template would ask for.
  SINGLE_BRACE_SLOT.lastIndex = 0;
  while ((m = SINGLE_BRACE_SLOT.exec(region)) !== null) {
    const label = classifyCached(m[1]);
    if (label.known || label.instruction) addCandidate(candidates, from, m.index, m[0].length, 'braces', label);
  }
  // <Name>: only words inside (no attributes, no closing tag), naming a slot.
  ANGLE_SLOT.lastIndex = 0;
  while ((m = ANGLE_SLOT.exec(region)) !== null) {
    const label = classifyCached(m[1]);
    if (label.known || label.instruction || isAllCaps(m[1])) addCandidate(candidates, from, m.index, m[0].length, 'angle', label);
  }
  // (interviewer's name): parentheses hold real asides, so only explicit slots count.
  PAREN_SLOT.lastIndex = 0;
  while ((m = PAREN_SLOT.exec(region)) !== null) {
    if (text[from + m.index - 1] === ']') continue; // a link's destination
    const inner = m[1];
    const label = classifyCached(inner);
    if ((label.key && label.explicit) || PAREN_INSTRUCTION_START.test(normalizeLabel(inner)) || (label.key && isAllCaps(inner))) {
      addCandidate(candidates, from, m.index, m[0].length, 'parens', label);
    }
  }
  // ____: a blank to write on; not a thematic break, not `___emphasis___`.
  UNDERSCORES.lastIndex = 0;
  while ((m = UNDERSCORES.exec(region)) !== null) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (isWordChar(text[start - 1]) || isWordChar(text[end])) continue;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let lineEnd = text.indexOf('\n', end);
    if (lineEnd === -1) lineEnd = text.length;
    if (/^[\s_*\\-]*$/.test(text.slice(lineStart, lineEnd))) continue;
    addCandidate(candidates, from, m.index, m[0].length, 'underscores');
  }
  // XX, xx, XXX, 20XX: filler letters standing in for a word or a number.
  if (region.includes('XX') || region.includes('xx')) {
    FILLER_LETTERS.lastIndex = 0;
    while ((m = FILLER_LETTERS.exec(region)) !== null) addCandidate(candidates, from, m.index, m[0].length, 'letters');
  }
  // TODO, FIXME, TK: editors' marks for unfinished text (upper case only: "tk" is not a mark).
  if (region.includes('TK') || region.includes('TODO') || region.includes('FIXME')) {
    MARKERS.lastIndex = 0;
    while ((m = MARKERS.exec(region)) !== null) addCandidate(candidates, from, m.index, m[0].length, 'marker');
  }
  // "Your Name" written as a label (title case or capitals); "your name" in a sentence is prose.
  if (region.includes('Your ') || region.includes('YOUR ')) {
    YOUR_NAME.lastIndex = 0;
    while ((m = YOUR_NAME.exec(region)) !== null) {
      addCandidate(candidates, from, m.index, m[0].length, 'phrase', { key: 'from', explicit: true, known: true, instruction: false });
    }
  }
  // NAME, COMPANY NAME: a label in capitals, standing alone (a word of an all-caps heading is not one).
  if (/NAME|COMPANY|EMPLOYER|POSITION|TITLE|ROLE/.test(region)) {
    CAPITALS_SLOT.lastIndex = 0;
    while ((m = CAPITALS_SLOT.exec(region)) !== null) {
      if (inCapitalsRun(region, m.index, m.index + m[0].length)) continue;
      const label = classifyCached(m[0]);
      if (label.key) addCandidate(candidates, from, m.index, m[0].length, 'letters', { ...label, explicit: true });
    }
  }
  // So-and-so, such-and-such: a stand-in for a name or a detail.
  if (AND_BETWEEN.test(region)) {
    SO_AND_SO.lastIndex = 0;
    while ((m = SO_AND_SO.exec(region)) !== null) addCandidate(candidates, from, m.index, m[0].length, 'phrase');
  }

  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const slots: Slot[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    if (overlapsMerged(skip, c.start, c.end)) continue;
    lastEnd = c.end;
    const slot: Slot = { start: c.start, end: c.end, text: text.slice(c.start, c.end), kind: c.kind };
    if (c.label?.key) slot.key = c.label.key;
    if (c.label?.part) slot.part = c.label.part;
    if (c.label?.bareName) slot.bareName = true;
    slots.push(slot);
  }
  return slots;
}

/** Whether the capital letters at `start..end` are part of a longer run of capitals (a heading or an acronym-heavy line). */
function inCapitalsRun(region: string, start: number, end: number): boolean {
  const before = region.slice(Math.max(0, start - 12), start);
  const after = region.slice(end, end + 12);
  return /\p{Lu}{2,}[^\p{Ll}\n]*$/u.test(before) || /^[^\p{Ll}\n]*\p{Lu}{2,}/u.test(after);
}

/** Whether a value (a name from the front matter, a greeting) is or contains a template slot. */
export function containsSlot(value: string): boolean {
  // Asked about the same front-matter values and greetings on every check of a note: remembered (bounded).
  if (value.length > 256) return findSlots(value, 0, value.length).length > 0;
  let contains = slotValues.get(value);
  if (contains === undefined) {
    contains = findSlots(value, 0, value.length).length > 0;
    if (slotValues.size >= 2000) slotValues.clear();
    slotValues.set(value, contains);
  }
  return contains;
}

const slotValues = new Map<string, boolean>();
