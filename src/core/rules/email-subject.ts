import type { Note, PastedSubject, Scenario } from '../note';
import { defineRule, type Fix, type TextEdit } from '../rule';
import { eolOf, lineEndAt, nextLineStart } from '../text';
import { firstEntry, insertEntry, setEntryValue, yamlScalar } from '../lexicon/scenario-support';

/**
 * An e-mail (the default channel) needs a subject that says what it is about.
 * A subject is generic when every word in it is one of the words below: it
 * could head any note to anyone. A single specific word (the role, the
 * company, a name) is enough to pass.
 */

/**
 * Words that say nothing about this interview. Thanks and greetings, "follow
 * up" and "checking in", "interview" and "meeting" on their own, and the small
 * words that glue them together ("for", "your", "the", "today").
 */
const GENERIC_WORDS = new Set([
  // thanks and greetings
  'thank', 'thanks', 'thankyou', 'you', 'so', 'much', 'many', 'again', 'hello', 'hi', 'hey', 'there', 'greetings', 'dear',
  // "follow up", "checking in", "quick note", forwarded-mail prefixes
  'follow', 'followup', 'following', 'up', 'checking', 'check', 'in', 'quick', 'note', 'update', 're', 'fw', 'fwd', 'just', 'a', 'an', 'my', 'our',
  // the occasion, unnamed
  'interview', 'interviews', 'interviewing', 'meeting', 'chat', 'call', 'conversation', 'talk', 'phone', 'screen', 'time', 'the', 'your', 'for', 'of',
  'today', "today's", 'yesterday', "yesterday's", 'this', 'morning', 'afternoon', 'week', 'post', 'after', 'no', 'subject', 'and', 'with', 'me',
]);

/** The words of a subject, lower case, apostrophes folded; "Follow-up" → follow, up. */
function subjectWords(subject: string): string[] {
  return subject
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

export function isGenericSubject(subject: string): boolean {
  // A note's subject is asked about on every check: remembered (a bounded number).
  let generic = genericSubjects.get(subject);
  if (generic === undefined) {
    generic = subjectWords(subject).every((w) => GENERIC_WORDS.has(w));
    if (genericSubjects.size >= 1000) genericSubjects.clear();
    genericSubjects.set(subject, generic);
  }
  return generic;
}

const genericSubjects = new Map<string, boolean>();

/** A subject that names the role (and the company when there is one), worded for the scenario. */
export function suggestedSubject(note: Note): string | undefined {
  const { role, company, scenario } = note.frontMatter;
  if (!role && !company) return undefined;
  const what = role ? `${role} interview` : 'interview';
  const at = company ? ` at ${company}` : '';
  const byScenario: Partial<Record<Scenario, string>> = {
    'phone-screen': role ? `Thank you — ${role} phone interview${at}` : `Thank you — phone interview${at}`,
    'check-in': role ? `Checking in — ${role}${at}` : `Checking in — my interview${at}`,
    'new-information': role ? `An update on my ${role} application${at}` : `An update on my application${at}`,
    'staff-thanks': `Thank you for your help with my ${what}${at}`,
  };
  const subject = byScenario[scenario] ?? `Thank you — ${what}${at}`;
  // Never offer a subject this rule would still call generic (a role named "Interview").
  return isGenericSubject(subject) ? undefined : subject;
}

/** A pasted subject without the quotes around it ("Subject: “Thank you”"). */
function unquote(value: string): string {
  const m = /^(["'\u201c\u2018])(.*)(["'\u201d\u2019])$/.exec(value.trim());
  return (m ? m[2] : value).trim();
}

/**
 * Moving a pasted "Subject:" line into the front matter: the line (and the blank lines after it)
 * leaves the message, `subject` gets its value (front matter is created when there is none).
 */
function moveSubject(note: Note, pasted: PastedSubject, value: string, title: string): Fix | undefined {
  const { text } = note;
  let end = nextLineStart(text, pasted.end);
  while (end < text.length && text.slice(end, lineEndAt(text, end)).trim() === '') end = nextLineStart(text, end);
  const removal: TextEdit = { start: pasted.start, end, newText: '' };
  if (note.frontMatterBlock.present) {
    const entry = insertEntry(note, 'subject', value);
    return entry ? { title, kind: 'fix', safe: false, edits: [entry, removal] } : undefined;
  }
  const eol = eolOf(text);
  const block = `---${eol}subject: ${yamlScalar(value)}${eol}---${eol}${eol}`;
  const at = note.bomLength;
  if (pasted.start === at || text.slice(at, pasted.start).trim() === '') return { title, kind: 'fix', safe: false, edits: [{ start: at, end, newText: block }] };
  return { title, kind: 'fix', safe: false, edits: [{ start: at, end: at, newText: block }, removal] };
}

/** The fix that sets the suggested subject (worked out only when there is something to report). */
function subjectFix(note: Note, editFor: (suggestion: string | undefined) => TextEdit | undefined) {
  const suggestion = suggestedSubject(note);
  const edit = editFor(suggestion);
  return suggestion && edit ? [{ title: `Set the subject to "${suggestion}"`, kind: 'fix' as const, safe: false, edits: [edit] }] : [];
}

export default defineRule(
  {
    id: 'email-subject',
    description: 'An e-mail note has a subject that names the role',
    severity: 'info',
    fixable: true,
    tags: ['channel', 'front-matter'],
    cheap: true,
  },
  ({ note, report }) => {
    if (note.frontMatter.channel !== 'email') return;
    const block = note.frontMatterBlock;
    const entry = firstEntry(note, 'subject');
    const subject = note.frontMatter.subject;
    // A subject of the wrong type (a list, a map) is valid-front-matter's to report.
    if (entry && subject === undefined && entry.value !== null && entry.value !== undefined && entry.value !== '') return;
    if (block.problems.length || block.notAMapping) return; // broken YAML: valid-front-matter first

    if (subject !== undefined) {
      if (!isGenericSubject(subject)) return;
      report({
        start: entry!.valueSpan.start,
        end: entry!.valueSpan.end,
        message: `The subject "${subject}" could head any e-mail; name the ${note.frontMatter.role ? `${note.frontMatter.role} role` : 'role'} so they know at a glance what it is about.`,
        fixes: subjectFix(note, (suggestion) => setEntryValue(note, entry!, suggestion ?? '')),
      });
      return;
    }

    // A "Subject:" line pasted above the greeting is the subject, in the wrong place.
    const pasted = note.layout.subject;
    const pastedValue = pasted ? unquote(pasted.value.text) : '';
    if (pasted && pastedValue && !entry) {
      const generic = isGenericSubject(pastedValue);
      const suggestion = generic ? suggestedSubject(note) : pastedValue;
      const fix = suggestion
        ? moveSubject(note, pasted, suggestion, generic ? `Set the subject to "${suggestion}" in place of the pasted line` : `Move "${suggestion}" into the front matter as the subject`)
        : undefined;
      report({
        start: pasted.start,
        end: pasted.end,
        message: generic
          ? `The subject line "${pastedValue}" could head any e-mail; name the ${note.frontMatter.role ? `${note.frontMatter.role} role` : 'role'} so they know at a glance what it is about.`
          : `The subject line "${pastedValue}" is part of the message; move it to the subject in the front matter so it is sent as the subject, not as text.`,
        fixes: fix ? [fix] : [],
      });
      return;
    }

    const message = 'This e-mail has no subject; add a "subject" that names the role so it stands out in their inbox.';
    if (entry) {
      // `subject:` with nothing after it.
      report({ start: entry.keySpan.start, end: entry.keySpan.end, message, fixes: subjectFix(note, (suggestion) => setEntryValue(note, entry, suggestion ?? '')) });
      return;
    }
    if (block.present) {
      // Point at the first front-matter line (the fences themselves are not part of the YAML); the fix adds a line before the closing fence.
      const first = block.entries[0];
      const at = first ? first.keySpan : { start: block.span.start, end: block.span.start + 3 };
      report({ start: at.start, end: at.end, message, fixes: subjectFix(note, (suggestion) => insertEntry(note, 'subject', suggestion ?? '')) });
      return;
    }
    // No front matter at all: nothing to build a subject from (no role), so no fix. Quiet on an empty note.
    if (!note.paragraphs.length) return;
    const start = note.bomLength;
    report({
      start,
      end: lineEndAt(note.text, start),
      message: 'This e-mail has no subject; add front matter with a "subject" (and the "role") so it stands out in their inbox.',
    });
  },
);
