import { defineRule } from '../rule';
import { firstEntry, setEntryValue } from '../lexicon/scenario-support';

/**
 * A follow-up after an interview sent as a text message. The front matter
 * says how the note will travel (`channel`); only `text` is flagged. The fix
 * sets `channel: email`, but it is not applied blind: some recruiters do
 * run the whole process by text, and the writer knows whether theirs did.
 */
export default defineRule(
  {
    id: 'wrong-channel',
    description: 'The note is not planned as a text message',
    severity: 'warning',
    fixable: true,
    tags: ['channel'],
    sources: ['002'],
    cheap: true,
  },
  ({ note, report }) => {
    if (note.frontMatter.channel !== 'text') return;
    // The typed value comes from the first `channel` entry; point at its value.
    const entry = firstEntry(note, 'channel');
    if (!entry) return;
    report({
      start: entry.valueSpan.start,
      end: entry.valueSpan.end,
      message: 'A text message is too casual for a note after an interview; send it by email, or as a handwritten card.',
      fixes: [{ title: 'Set "channel: email"', kind: 'fix', safe: false, edits: [setEntryValue(note, entry, 'email')] }],
    });
  },
);
