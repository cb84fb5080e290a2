import type { Channel, Note, Span } from '../note';
import { defineRule } from '../rule';
import { bodySentences, type BodySentence } from '../lexicon/substance-common';

/**
 * The note should be short enough to read in one sitting on the channel it
 * goes out on. Words and paragraphs are counted in the message itself, as the
 * layout reads it: the front matter, a letter's header (address, date, memo
 * and subject lines), the greeting, the closing and the signature don't count.
 * A paragraph is a block separated by blank lines (a bulleted list counts as
 * one), or a line of a block whose every line ends a sentence, as e-mail
 * clients copy paragraphs with single line breaks.
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

/**
 * The layout's body paragraphs that hold words of the message (a code block alone is not one):
 * blocks between blank lines, or single lines where every line of a block ends a sentence.
 */
function proseParagraphs(note: Note, sentences: readonly BodySentence[]): Span[] {
  const out: Span[] = [];
  let w = 0;
  const words = sentences.flatMap((s) => s.words);
  for (const p of note.layout.paragraphs) {
    while (w < words.length && words[w].end <= p.start) w++;
    if (w < words.length && words[w].start < p.end) out.push(p);
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

    const paragraphs = proseParagraphs(note, sentences);
    if (paragraphs.length > maxParagraphs) {
      // The whole paragraph that goes over the limit.
      const over = paragraphs[maxParagraphs];
      report({
        start: over.start,
        end: over.end,
        message: `This note has ${paragraphs.length} paragraphs, more than ${maxParagraphs}; merge or drop some so it reads as a short note rather than a letter.`,
      });
    }
  },
);

function positiveInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}
