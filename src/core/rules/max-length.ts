import type { Channel, Note, Span } from '../note';
import { defineRule } from '../rule';
import { bodySentences, type BodySentence } from '../lexicon/substance-common';

/**
 * The note should be short enough to read in one sitting on the channel it
 * goes out on. Words are counted in the message itself (the greeting and the
 * sign-off don't count, nor does the front matter); a paragraph is a block
 * separated by blank lines, so a bulleted list counts as one.
 */

/** Word budgets per channel: a card has less room than an e-mail, a direct message less still. */
const DEFAULT_BUDGETS: Record<Channel, number> = { email: 250, handwritten: 150, linkedin: 120, text: 60 };
const DEFAULT_MAX_PARAGRAPHS = 5;

const CHANNEL_NAMES: Record<Channel, string> = {
  email: 'an e-mail',
  handwritten: 'a handwritten card',
  linkedin: 'a LinkedIn message',
  text: 'a text message',
};

interface Options {
  email: number;
  handwritten: number;
  linkedin: number;
  text: number;
  maxParagraphs: number;
}

function budgetOption(channel: Channel, what: string) {
  return {
    type: 'integer' as const,
    default: DEFAULT_BUDGETS[channel],
    minimum: 1,
    description: `Most words in the body of ${what} (greeting and sign-off not counted).`,
  };
}

/** The top-level Markdown block each body sentence sits in, so a list or a quote is one paragraph however many items it has. */
function blockIndex(note: Note, sentences: readonly BodySentence[]): number[] {
  const blocks: Span[] = [];
  for (const node of note.tree.children) {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (s === undefined || e === undefined) continue;
    blocks.push({ start: s + note.bomLength, end: e + note.bomLength });
  }
  const out: number[] = [];
  let b = 0;
  for (const sentence of sentences) {
    while (b < blocks.length && blocks[b].end <= sentence.start) b++;
    // A sentence outside every block (should not happen) gets a block of its own.
    out.push(b < blocks.length && blocks[b].start <= sentence.start ? b : -1 - out.length);
  }
  return out;
}

export default defineRule<Options>(
  {
    id: 'max-length',
    description: "The note stays within the channel's word budget and a few paragraphs",
    severity: 'warning',
    fixable: false,
    tags: ['substance', 'length'],
    options: {
      email: budgetOption('email', 'an e-mail'),
      handwritten: budgetOption('handwritten', 'a handwritten card'),
      linkedin: budgetOption('linkedin', 'a LinkedIn message'),
      text: budgetOption('text', 'a text message'),
      maxParagraphs: {
        type: 'integer',
        default: DEFAULT_MAX_PARAGRAPHS,
        minimum: 1,
        description: 'Most paragraphs in the body (greeting and sign-off not counted; a list counts as one).',
      },
    },
    sources: ['001'],
    cheap: true,
  },
  ({ note, options, report }) => {
    const sentences = bodySentences(note);
    if (sentences.length === 0) return;
    const channel = note.frontMatter.channel;
    const budget = positiveInt(options[channel], DEFAULT_BUDGETS[channel]);
    const maxParagraphs = positiveInt(options.maxParagraphs, DEFAULT_MAX_PARAGRAPHS);
    const end = sentences[sentences.length - 1].end;

    let count = 0;
    let firstOver: number | undefined;
    for (const s of sentences) {
      for (const w of s.words) {
        count++;
        if (count === budget + 1) firstOver = w.start;
      }
    }
    if (firstOver !== undefined) {
      report({
        start: firstOver,
        end,
        message: `This note has ${count} words, more than the ${budget} that suit ${CHANNEL_NAMES[channel]}; cut it down to the points that matter most (the excess starts here).`,
      });
    }

    const blocks = blockIndex(note, sentences);
    let paragraphs = 0;
    let last: number | undefined;
    for (let i = 0; i < sentences.length; i++) {
      if (blocks[i] === last) continue;
      last = blocks[i];
      paragraphs++;
      if (paragraphs === maxParagraphs + 1) {
        // The whole paragraph that goes over the limit.
        let j = i;
        while (j + 1 < sentences.length && blocks[j + 1] === blocks[i]) j++;
        const total = countBlocks(blocks);
        report({
          start: sentences[i].start,
          end: sentences[j].end,
          message: `This note has ${total} paragraphs, more than ${maxParagraphs}; merge or drop some so it reads as a short note rather than a letter.`,
        });
        break;
      }
    }
  },
);

function countBlocks(blocks: readonly number[]): number {
  let n = 0;
  let last: number | undefined;
  for (const b of blocks) {
    if (b !== last) n++;
    last = b;
  }
  return n;
}

function positiveInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}
