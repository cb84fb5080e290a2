import type { Nodes } from 'mdast';
import type { Note, Span } from '../note';
import { defineRule, type TextEdit } from '../rule';
import { containsSlot, findSlots, mergeSpans, type Slot, type SlotKey } from '../lexicon/structure-placeholders';
import { foldName, greetingName, parsePersonName } from '../lexicon/structure-names';
import { filledItems, isTemplateDefault, SELF_NAMED_KEYS, TEMPLATE_PROMPTS } from '../lexicon/structure-template-defaults';
import { listPhrase } from '../sections';

/**
 * Template slots left in the note: "[Company name]", "{{first_name}}", "<Name>",
 * "(interviewer's name)", "____", "XX", "Your Name", "So-and-so", TODO, TK.
 * The patterns live in lexicon/structure-placeholders.ts; this rule decides
 * where to look (the body's raw text minus code, URLs, comments and links,
 * plus the front matter's text values) and how to fill a slot from the front
 * matter.
 */

/** Markdown constructs whose brackets are syntax, not slots. */
const LINK_NODE_TYPES = new Set(['link', 'image', 'linkReference', 'imageReference', 'definition', 'footnoteReference', 'footnoteDefinition']);

/** Front-matter keys whose text reaches the reader (subject line, greeting, signature). */
const SCANNED_KEYS = new Set(['to', 'company', 'role', 'from', 'subject', 'news']);

/** Words the front matter uses as names: "XX" or "TK" is then a name, not a slot ("TK Maxwell", "XX Studio"). */
function frontMatterNameWords(note: Note): Set<string> {
  const words = new Set<string>();
  const { to, from, company, role } = note.frontMatter;
  for (const value of [to, from, company, role]) {
    if (!value) continue;
    const parts = value.split(/\s+/);
    if (parts.length < 2) continue; // a value that is only "XX" is itself a slot
    for (const part of parts) words.add(part.replace(/[^\p{L}\p{N}]/gu, ''));
  }
  return words;
}

function skipSpans(note: Note): Span[] {
  const spans: Span[] = [...note.sourceSpans, ...note.comments];
  // Iterative rather than unist-util-visit: 10,000 nested `>` must not overflow the stack.
  const stack: Nodes[] = [note.tree];
  while (stack.length) {
    const node = stack.pop()!;
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
    if (!LINK_NODE_TYPES.has(node.type)) continue;
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s !== undefined && e !== undefined) spans.push({ start: s + note.bomLength, end: e + note.bomLength });
  }
  return mergeSpans(spans);
}

interface Located extends Slot {
  /** The front-matter key whose value holds the slot, when it is in the front matter. */
  inKey?: string;
  /** The slot is a template's default text: a key's own name ("to: to", "Dear to,") or a prompt sentence. */
  templateDefault?: 'value' | 'prompt';
}

/** The template defaults of the note: self-named front-matter values, the greeting's "to", the signature's "from", prompts. */
function templateDefaults(note: Note, skip: readonly Span[]): Located[] {
  const found: Located[] = [];
  const { text } = note;
  for (const entry of note.frontMatterBlock.entries) {
    // ("email: email" is valid-front-matter's: not an e-mail address.)
    if (entry.key === 'email' || !(SELF_NAMED_KEYS as readonly string[]).includes(entry.key)) continue;
    const items = Array.isArray(entry.value) ? entry.value : [entry.value];
    if (!items.some((v) => isTemplateDefault(entry.key, v))) continue;
    // The default as it stands in the value ("to", or the item "topics" of a list).
    const source = text.slice(entry.valueSpan.start, entry.valueSpan.end);
    const m = new RegExp(`(?<![\\p{L}])${entry.key}(?![\\p{L}])`, 'iu').exec(source);
    if (!m) continue;
    const start = entry.valueSpan.start + m.index;
    found.push({ start, end: start + m[0].length, text: m[0], kind: 'phrase', inKey: entry.key, templateDefault: 'value' });
  }
  const own = (span: { start: number; end: number; text: string } | undefined, key: 'to' | 'from') => {
    if (span && foldName(span.text) === key) found.push({ start: span.start, end: span.end, text: span.text, kind: 'phrase', key, templateDefault: 'value' });
  };
  own(note.greeting?.name, 'to');
  own(note.layout.name, 'from');
  const bodyStart = Math.max(note.body.start, note.frontMatterBlock.span.end);
  const body = text.slice(bodyStart);
  for (const prompt of TEMPLATE_PROMPTS) {
    let at = body.indexOf(prompt);
    while (at !== -1) {
      const start = bodyStart + at;
      if (!overlapsAny(skip, start, start + prompt.length)) found.push({ start, end: start + prompt.length, text: prompt, kind: 'phrase', templateDefault: 'prompt' });
      at = body.indexOf(prompt, at + prompt.length);
    }
  }
  return found;
}

function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

function findAll(note: Note): Located[] {
  const nameWords = frontMatterNameWords(note);
  const found: Located[] = [];
  const seen = new Set<string>();
  for (const entry of note.frontMatterBlock.entries) {
    if (!SCANNED_KEYS.has(entry.key) || typeof entry.value !== 'string' || seen.has(entry.key)) continue;
    seen.add(entry.key);
    for (const slot of findSlots(note.text, entry.valueSpan.start, entry.valueSpan.end)) if (keep(slot, nameWords)) found.push({ ...slot, inKey: entry.key });
  }
  const bodyStart = Math.max(note.body.start, note.frontMatterBlock.span.end);
  const skip = skipSpans(note);
  for (const slot of findSlots(note.text, bodyStart, note.text.length, skip)) if (keep(slot, nameWords)) found.push(slot);
  // Template defaults, where no slot pattern found one already.
  for (const d of templateDefaults(note, skip)) if (!found.some((f) => f.start < d.end && d.start < f.end)) found.push(d);
  return found.sort((a, b) => a.start - b.start);
}

/** A slot, unless it is filler letters or a marker that the front matter uses as a name ("TK Maxwell"). */
function keep(slot: Slot, nameWords: ReadonlySet<string>): boolean {
  return !((slot.kind === 'letters' || slot.kind === 'marker') && nameWords.has(slot.text));
}

function within(slot: Span, span: Span | undefined): boolean {
  return Boolean(span) && slot.start >= span!.start && slot.end <= span!.end;
}

/** The recipient's name as a slot asks for it: all of `to`, or its first or last name. */
function toValue(to: string, part: 'first' | 'last' | undefined): string {
  if (!part) return to;
  const name = parsePersonName(to);
  // "Ms. Ruiz" has no first name to give; "Ana" has no separate last name.
  if (name.title || name.written.length < 2) return to;
  const words = to.trim().split(/\s+/);
  return part === 'first' ? words[0] : words[words.length - 1];
}

interface Fill {
  key: SlotKey;
  /** The value, when the front matter (or configuration, for `from`) has one. */
  value?: string;
  /** Where the value comes from, for the message. */
  source?: 'front matter' | 'settings';
}

/** Which key a slot asks for (by its words or by where it sits) and the value to fill it with. */
function fillFor(note: Note, slot: Located, from: string | undefined): Fill | undefined {
  const fm = note.frontMatter;
  if (slot.templateDefault === 'prompt') return undefined;
  let key = slot.key;
  const inGreeting = !slot.inKey && note.greeting && (within(slot, note.greeting.name) || within(slot, note.greeting));
  const inSignature = !slot.inKey && note.signOff?.name && within(slot, note.signOff.name);
  // A bare "Name" (or an unnamed slot) in the signature is the writer's; in the greeting, the recipient's.
  if (inSignature && (!key || slot.bareName)) key = 'from';
  else if (inGreeting && !key) key = 'to';
  if (!key || key === slot.inKey) return key ? { key } : undefined;
  let value: string | undefined;
  let source: Fill['source'] = 'front matter';
  // In the greeting, the recipient is greeted as the greeting fix does: by first name, or by title and surname.
  if (key === 'to') value = fm.to && (inGreeting && !slot.part ? greetingName(fm.to) : toValue(fm.to, slot.part));
  else if (key === 'company') value = fm.company;
  else if (key === 'role') value = fm.role;
  else if (key === 'topic') {
    const topics = filledItems('topics', fm.topics);
    value = topics.length ? listPhrase(topics) : undefined;
  }
  else {
    value = fm.from ?? from;
    if (!fm.from && from) source = 'settings';
  }
  // Never fill a slot with another slot, nor with a template's default.
  if (value && (containsSlot(value) || isTemplateDefault(key, value))) value = undefined;
  return { key, value, source: value ? source : undefined };
}

const DEFAULT_NOUN: Record<string, string> = {
  to: "the recipient's name",
  email: "the recipient's e-mail address",
  company: "the company's name",
  role: 'the role',
  topics: 'what you talked about',
  strengths: 'the strengths you want to stress',
  from: 'your name',
  news: 'your news',
};

const KEY_NOUN: Record<SlotKey, string> = {
  to: "the recipient's name",
  company: "the company's name",
  role: 'the role',
  from: 'your name',
  topic: 'what you talked about',
};

/**
 * Every slot the front matter (or the configured `from`) can fill, as edits:
 * what the editor's "Fill placeholders from front matter" action applies.
 */
export function fillPlaceholderEdits(note: Note, from?: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const slot of findAll(note)) {
    const fill = fillFor(note, slot, from);
    if (fill?.value) edits.push({ start: slot.start, end: slot.end, newText: fill.value });
  }
  return edits;
}

export default defineRule(
  {
    id: 'no-unfilled-placeholder',
    description: 'No template slot is left unfilled, such as [Company name], {{name}}, ____ or TODO',
    severity: 'error',
    fixable: true,
    tags: ['structure', 'personalization'],
    sources: ['004', '002'],
    cheap: true,
  },
  ({ note, report, from }) => {
    for (const slot of findAll(note)) {
      const fill = fillFor(note, slot, from);
      const where = slot.inKey ? ` in "${slot.inKey}"` : '';
      let message: string;
      if (slot.templateDefault === 'prompt') {
        message = `"${slot.text}" is still the template's text; replace it with your own words.`;
      } else if (slot.templateDefault && slot.inKey) {
        message = `The front-matter "${slot.inKey}" still holds the template's default "${slot.text}"; write ${DEFAULT_NOUN[slot.inKey] ?? 'its value'} there.`;
      } else if (slot.kind === 'marker') {
        message = `"${slot.text}"${where} marks a part that was never finished; write it before sending.`;
      } else if (fill?.value) {
        message = `The template slot "${slot.text}"${where} was never filled in; it should say "${fill.value}".`;
      } else if (fill) {
        const how = fill.key === 'from' ? 'set "from" in the front matter or your settings' : `set "${fill.key}" in the front matter`;
        message = `The template slot "${slot.text}"${where} was never filled in; write ${KEY_NOUN[fill.key]} here (or ${how} to fill it automatically).`;
      } else {
        message = `The template slot "${slot.text}"${where} was never filled in; replace it with what it stands for before sending.`;
      }
      report({
        start: slot.start,
        end: slot.end,
        message,
        expected: fill?.value ? [fill.value] : undefined,
        fixes: fill?.value
          ? [
              {
                title: `Fill in "${fill.value}" from ${fill.source === 'settings' ? 'your settings' : `the front matter ("${fill.key}")`}`,
                kind: 'fix',
                safe: true,
                edits: [{ start: slot.start, end: slot.end, newText: fill.value }],
              },
            ]
          : undefined,
      });
    }
  },
);
