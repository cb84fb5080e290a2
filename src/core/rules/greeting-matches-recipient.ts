import { defineRule } from '../rule';
import { containsSlot } from '../lexicon/structure-placeholders';
import { foldName, GREETING_FILLERS, isGenericAddressee, parsePersonName, sameNameWord, type PersonName } from '../lexicon/structure-names';

/**
 * The greeting should name the person in front-matter `to`. A different name
 * there is the classic trace of a note copied from one interviewer's note to
 * the next. Comparison is by name words (titles, initials and suffixes
 * dropped; case, accents and common nicknames folded), so "Ana", "Ms. Ruiz"
 * and "Dr Ana Ruiz" all match `to: Ana Ruiz`; group salutations ("Hiring
 * Team") and slots ("[Name]", left to no-unfilled-placeholder) are not checked.
 */

/** Whether every word of `a` can stand for some word of `b`. */
function covers(a: readonly string[], b: readonly string[]): boolean {
  return a.every((w) => b.some((v) => sameNameWord(w, v)));
}

/**
 * Whether one addressee (one name of "Ana and Ben") can be the person in `to`.
 * Undefined when it cannot be told (the greeting uses a first name and `to` only
 * gives title and surname).
 */
function matches(greeted: PersonName, to: PersonName): boolean | undefined {
  const g = greeted.words;
  const t = to.words;
  if (g.length === 0 || t.length === 0) return undefined;
  // "Ms. Ruiz" / "Mr Lee": a title with one word is a surname; compare it with `to`'s last word.
  if (greeted.title && g.length === 1) {
    if (sameNameWord(g[0], t[t.length - 1]) || covers(g, t)) return true;
    // `to` is a first name only ("Ana"): her surname is unknown.
    return !to.title && t.length === 1 ? undefined : false;
  }
  if (covers(g, t) || covers(t, g)) return true;
  // `to` is "Ms. Ruiz" and the greeting a first name only: nothing to compare it with.
  if (to.title && t.length === 1 && !greeted.title && g.length === 1) return undefined;
  return false;
}

/** How to greet `to` in the writer's style: first name for a first name, otherwise `to` as written. */
function greetAs(greeted: PersonName, to: string, toName: PersonName): string {
  if (!greeted.title && greeted.words.length === 1 && !toName.title && toName.written.length >= 2) {
    return to.trim().split(/\s+/)[0];
  }
  // Title + surname: keep the form when `to` has its own title; never guess someone's title.
  return to.trim();
}

export default defineRule(
  {
    id: 'greeting-matches-recipient',
    description: 'The greeting names the person in front-matter `to`',
    severity: 'error',
    fixable: true,
    tags: ['structure', 'personalization'],
    sources: ['002'],
    cheap: true,
  },
  ({ note, report }) => {
    const to = note.frontMatter.to;
    const name = note.greeting?.name;
    if (!to || !name) return;
    if (containsSlot(name.text) || containsSlot(to) || /[[\]{}<>_]/.test(name.text)) return;
    if (isGenericAddressee(name.text)) return;
    const toName = parsePersonName(to);
    if (toName.words.length === 0) return;
    // "Ana and Ben", "Ana & the team", "Ana, Ben": fine when any of them is `to`.
    const parts = name.text
      .split(/\s+(?:and|&)\s+|\s*[,/+]\s*/i)
      .map((p) => p.trim())
      .filter(Boolean);
    let compared = 0;
    const company = note.frontMatter.company && foldName(note.frontMatter.company);
    for (const part of parts) {
      // A group, a role, or the company itself ("Dear Fernleaf Logistics,").
      if (isGenericAddressee(part) || (company && foldName(part).startsWith(company))) continue;
      const greeted = parsePersonName(part, GREETING_FILLERS);
      if (greeted.words.length === 0) continue;
      const result = matches(greeted, toName);
      if (result !== false) return;
      // Lower-case words that are not `to`'s are the start of a sentence ("Hi hope you are well"), not a name.
      if (!greeted.capitalized) return;
      compared++;
    }
    if (compared === 0) return;
    const greeted = parsePersonName(parts[0], GREETING_FILLERS);
    const replacement = greetAs(greeted, to, toName);
    // A `to` with a comma or colon would end the greeting early on re-reading: offer it, but not blind.
    const safe = !/[,:;!]/.test(replacement);
    report({
      start: name.start,
      end: name.end,
      message: `The greeting names "${name.text}", but this note is to ${to} (front-matter "to"); was it copied from another note?`,
      expected: [replacement],
      fixes: [{ title: `Greet ${replacement}`, kind: 'fix', safe, edits: [{ start: name.start, end: name.end, newText: replacement }] }],
    });
  },
);
