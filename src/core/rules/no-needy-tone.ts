import { defineRule } from '../rule';
import { readNote } from '../language/index';
import { NEED_LABELS, needIn } from '../language/need';
import { quote } from '../lexicon/tone-match';
import { sentenceRemovalFix } from '../lexicon/substance-common';

/**
 * Begging and desperation. A note should sound like a peer who wants the job,
 * not someone who needs a favor. The ways of speaking from need (needing the
 * job, staking your fate on the reader, pleading, taking any terms, distress,
 * money trouble) live in language/need.ts; this rule reports the first one in
 * each of the writer's sentences.
 */
export default defineRule(
  {
    id: 'no-needy-tone',
    description: 'The note does not beg for the job or sound desperate',
    severity: 'warning',
    fixable: true,
    tags: ['tone'],
    sources: ['001', '000', '002'],
  },
  ({ note, report }) => {
    for (const reading of readNote(note).sentences) {
      const cue = needIn(reading);
      if (!cue) continue;
      const sentence = reading.sentence;
      report({
        start: cue.start,
        end: cue.end,
        message: `${quote(note.text.slice(cue.start, cue.end))} ${NEED_LABELS[cue.kind]}, which reads as needy; say why you want the role and what you bring instead.`,
        fixes: [sentenceRemovalFix(note, sentence, 'Remove this sentence')],
      });
    }
  },
);
