import { defineRule, type RelatedLocation, type WorkspaceNote } from '../rule';
import { perWorkspace } from '../memo';
import type { Note, Sentence, Word } from '../note';
import { foldName, isGenericAddressee, parsePersonName, sameNameWord, TITLES, type PersonName } from '../lexicon/structure-names';
import { baseName, frontMatterValueSpan, isCapitalized, noteFeatures, wordKeys } from '../lexicon/workspace-notes';

/**
 * The note speaks to someone who is another note's `to`: "Thank you, Maria,
 * for…", "Maria, I enjoyed…", "…again, Maria." in a note to Ana. Only the
 * places where a name addresses the reader count (vocatives: the name set off
 * by commas at the start or end of a sentence, or after "thank you" / "thanks"),
 * so a colleague mentioned in passing ("I enjoyed meeting Maria too") is never
 * reported. The greeting line is left to greeting-matches-recipient, which
 * already reports any name there that is not `to`.
 */

/** Words that, right before ", <Name>,", make the name a vocative ("Thank you, Maria, for …"). */
const VOCATIVE_BEFORE = new Set(['you', 'thanks', 'again', 'too', 'also', 'so', 'much', 'really', 'truly', 'honestly', 'cheers', 'congratulations', 'congrats', 'sincerely', 'yes', 'well']);

/** Words that, right after ", <Name>,", make the name a vocative ("…, Maria, for taking the time"). */
const VOCATIVE_AFTER = new Set(['for', 'your', 'you', 'i', "i'm", "i'd", "i've", "i'll", 'it', "it's", 'thank', 'thanks', 'that', 'if', 'as', 'please']);

/** Words that open an appositive after a sentence-initial name ("Maria, our recruiter, said …"), not an address. */
const APPOSITIVE_NEXT = new Set(['the', 'a', 'an', 'our', 'my', 'his', 'her', 'their', 'who', 'whom', 'whose', 'which', 'as', 'along', 'together', 'with', 'and', 'or', 'plus', 'from', 'of']);

/** Words of a sentence that speak to the reader; a name at the end (or start) of such a sentence is an address. */
const ADDRESS_WORDS = new Set(['you', 'your', 'yours', "you're", "you've", "you'd", "you'll", 'thank', 'thanks', 'cheers', 'congratulations', 'congrats', 'please']);

/** Capitalised words that are not names, so ", Maria" after them is no list of people ("on Tuesday, Maria."). */
const NOT_NAMES = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'again', 'too',
]);

/** Pronouns that can stand right after a vocative ("Maria, I …"). */
const PRONOUNS = new Set(['i', "i'm", "i'd", "i've", "i'll"]);

interface Recipient {
  to: string;
  name: PersonName;
  owners: { file: string; note: Note }[];
}

function fold(word: Word): string {
  return wordKeys(word.text)[0] ?? foldName(word.text);
}

/** Every recipient of the workspace (one per name, with the notes to it, in workspace order), by name word. */
const recipientsByWord = perWorkspace((workspace: readonly WorkspaceNote[]): Map<string, Recipient[]> => {
  const byWord = new Map<string, Recipient[]>();
  const seen = new Map<string, Recipient>();
  for (const other of workspace) {
    const { to, recipient: name } = noteFeatures(other.note);
    if (!to || name.words.length === 0) continue;
    const id = name.words.join(' ');
    const existing = seen.get(id);
    if (existing) {
      existing.owners.push(other);
      continue;
    }
    const recipient: Recipient = { to, name, owners: [other] };
    seen.set(id, recipient);
    for (const word of new Set(name.words)) {
      const list = byWord.get(word);
      if (list) list.push(recipient);
      else byWord.set(word, [recipient]);
    }
  }
  return byWord;
});

/** Recipients of other notes with a name word among `candidates` (the capitalised words of this note), by name word. */
function buildRecipients(note: Note, workspace: readonly WorkspaceNote[], file: string | undefined, candidates: Set<string>): Map<string, Recipient[]> {
  const own = noteFeatures(note).recipient;
  const all = recipientsByWord(workspace);
  const byWord = new Map<string, Recipient[]>();
  const others = new Map<Recipient, Recipient | undefined>();
  for (const word of candidates) {
    const recipients = all.get(word);
    if (!recipients) continue;
    // A name word this note's own recipient shares ("Ana" in Ana Ruiz and Ana Lopez) can never be wrong here.
    if (own.words.some((w) => sameNameWord(w, word))) continue;
    const list: Recipient[] = [];
    for (const recipient of recipients) {
      // The same recipient without this note among its owners (once per recipient).
      if (!others.has(recipient)) {
        const owners = recipient.owners.filter((o) => o.file !== file && o.note !== note);
        others.set(recipient, owners.length === 0 ? undefined : owners.length === recipient.owners.length ? recipient : { ...recipient, owners });
      }
      const other = others.get(recipient);
      if (other) list.push(other);
    }
    if (list.length) byWord.set(word, list);
  }
  return byWord;
}

/** Whether the text between two words is only white space (the words belong to one name). */
function joined(gap: string): boolean {
  return /^[\s\u00a0]*$/.test(gap) || /^\.[\s\u00a0]+$/.test(gap);
}

function gap(note: Note, sentence: Sentence, before: number): string {
  // Text between word `before - 1` and word `before` (sentence edges when out of range).
  const words = sentence.words;
  const from = before <= 0 ? sentence.start : words[before - 1].end;
  const to = before >= words.length ? sentence.end : words[before].start;
  return note.text.slice(from, to);
}

/** Whether words [a, b) of the sentence address the reader. */
function isVocative(note: Note, sentence: Sentence, a: number, b: number): boolean {
  const words = sentence.words;
  const n = words.length;
  const lower = (i: number) => words[i]?.lower;
  const commaBefore = a > 0 && /,/.test(gap(note, sentence, a));
  const commaAfter = b < n && /,/.test(gap(note, sentence, b));
  // A capitalised word before the comma: a list of names ("Ben, Maria, and Ana").
  const listBefore = a > 1 && isCapitalized(words[a - 1]) && !PRONOUNS.has(lower(a - 1)!) && !NOT_NAMES.has(lower(a - 1)!);
  const speaks = words.some((w) => ADDRESS_WORDS.has(w.lower));
  // "Maria, thank you for …" / "Maria, I keep thinking …"
  if (a === 0 && commaAfter) {
    const next = words[b];
    if (APPOSITIVE_NEXT.has(next.lower)) return false;
    if (isCapitalized(next) && !PRONOUNS.has(next.lower) && !ADDRESS_WORDS.has(next.lower)) return false;
    return speaks || words.some((w) => PRONOUNS.has(w.lower));
  }
  // "It was a pleasure to meet you, Maria." / "Thanks again, Maria!"
  if (b === n && commaBefore) {
    if (listBefore || lower(a - 1) === 'and' || lower(a - 1) === 'or') return false;
    return speaks;
  }
  // "Thank you, Maria, for …"
  if (commaBefore && commaAfter) {
    if (listBefore || lower(b) === 'and' || lower(a - 1) === 'and') return false;
    return VOCATIVE_BEFORE.has(lower(a - 1)!) || VOCATIVE_AFTER.has(lower(b)!);
  }
  // "Thanks Maria for …", "Thank you Maria!"
  if (!commaBefore) {
    // Not "our thanks Maria…" (a possessive before "thanks" makes it a noun phrase, not an address).
    if (lower(a - 1) === 'thanks' && !/^(my|our|his|her|their|your)$/.test(lower(a - 2) ?? '')) return true;
    if (lower(a - 1) === 'you' && lower(a - 2) === 'thank') return true;
  }
  return false;
}

/** How to address this note's reader in place of the mention: first name for a first name, otherwise `to` as written. */
function replacementFor(mention: { title: boolean; words: number }, to: string, toName: PersonName): string {
  if (!mention.title && mention.words === 1 && !toName.title && toName.written.length >= 1) return to.trim().split(/\s+/)[0];
  return to.trim();
}

export default defineRule(
  {
    id: 'no-wrong-recipient',
    description: 'The note does not address the recipient of another note',
    severity: 'error',
    fixable: true,
    tags: ['personalization', 'workspace'],
    sources: ['002'],
    scope: 'workspace',
  },
  ({ note, workspace, file, report }) => {
    if (!workspace?.length) return;
    const to = note.frontMatter.to?.trim();
    if (!to || isGenericAddressee(to)) return;
    const toName = parsePersonName(to);
    if (toName.words.length === 0) return;
    // Names this note may legitimately address or sign with besides `to`.
    const allowed: string[] = [];
    // A group greeting that includes `to` ("Dear Ana and Maria,") makes the others readers too; a wrong greeting alone does not.
    const greeted = note.greeting?.name ? parsePersonName(note.greeting.name.text.replace(/\s+(?:and|&)\s+|[,/+]/gi, ' ')).words : [];
    if (greeted.some((g) => toName.words.some((t) => sameNameWord(g, t)))) allowed.push(...greeted);
    if (note.frontMatter.from) allowed.push(...parsePersonName(note.frontMatter.from).words);
    const company = wordKeys(note.frontMatter.company ?? '');
    const bodyStart = note.greeting?.end ?? note.body.start;
    const bodyEnd = note.signOff?.start ?? Infinity;

    // The capitalised words of the body: only recipients named by one of them need looking at.
    const candidates = new Set<string>();
    for (const sentence of note.sentences) {
      if (sentence.end <= bodyStart || sentence.start >= bodyEnd) continue;
      for (const word of sentence.words) if (isCapitalized(word)) candidates.add(fold(word));
    }
    if (candidates.size === 0) return;
    const byWord = buildRecipients(note, workspace, file, candidates);
    if (byWord.size === 0) return;

    for (const sentence of note.sentences) {
      if (sentence.end <= bodyStart || sentence.start >= bodyEnd) continue;
      const words = sentence.words;
      for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (word.start < bodyStart || word.start >= bodyEnd || !isCapitalized(word)) continue;
        if (/['\u2019]s$/i.test(word.text)) continue; // "Maria's question": about her, not to her
        const key = fold(word);
        const named = byWord.get(key);
        if (!named) continue;
        if (allowed.some((w) => sameNameWord(w, key)) || company.includes(key)) continue;
        // The whole name: more words of the same recipient, and a title before it ("Ms. Lopez").
        const recipient = named[0];
        let a = i;
        let b = i + 1;
        while (b < words.length && isCapitalized(words[b]) && joined(gap(note, sentence, b)) && recipient.name.words.includes(fold(words[b]))) b++;
        let title = false;
        if (a > 0 && TITLES.has(foldName(words[a - 1].text).replace(/\.$/, '')) && joined(gap(note, sentence, a))) {
          a--;
          title = true;
        }
        i = b - 1;
        if (!isVocative(note, sentence, a, b)) continue;
        const start = words[a].start;
        const end = words[b - 1].end;
        const written = note.text.slice(start, end);
        const owner = recipient.owners[0];
        const replacement = replacementFor({ title, words: b - a - (title ? 1 : 0) }, to, toName);
        const related: RelatedLocation[] = named.flatMap((r) =>
          r.owners.slice(0, 3).map((o) => ({ file: o.file, ...frontMatterValueSpan(o.note, 'to'), message: `${r.to} is the recipient of this note.` })),
        );
        report({
          start,
          end,
          message: `This sentence speaks to ${written}, the recipient of your note ${baseName(owner.file)} (to ${recipient.to}), but this note is to ${to}; was it copied from that note?`,
          expected: [replacement],
          related: related.slice(0, 5),
          fixes: [
            {
              title: `Replace with ${replacement}`,
              kind: 'fix',
              // A name with a comma or colon would change the sentence; otherwise the reader's name is always right here.
              safe: !/[,:;!]/.test(replacement),
              edits: [{ start, end, newText: replacement }],
            },
          ],
        });
      }
    }
  },
);
