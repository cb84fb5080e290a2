import { defineRule, type RelatedLocation, type WorkspaceNote } from '../rule';
import { perWorkspace } from '../memo';
import {
  baseName,
  duplicateFeatures,
  noteFeatures,
  samePerson,
  SHINGLE_SIZE,
  workspaceCompanyKey,
  type DuplicateFeatures,
} from '../lexicon/workspace-notes';

/**
 * Two notes to different people at the same company whose bodies are nearly
 * the same: notes get passed around a hiring committee, and a form letter
 * sent to each panelist is noticed.
 *
 * Each note's body (greeting line and sign-off left out) becomes a list of
 * word keys in which front-matter values (`to`, `from`, `company`, `role`,
 * `topics`) are replaced by a placeholder, so swapping the name does not make
 * two notes look different. Similarity is the share of this note's distinct
 * 4-word shingles that also occur in the other note (containment). Features are
 * cached per Note object (lexicon/workspace-notes.ts): an edit re-derives only
 * the edited note's.
 */

export interface Comparison {
  /** Shared distinct shingles / this note's distinct shingles. */
  similarity: number;
  /** Shared distinct shingles / distinct shingles of either note (Jaccard). */
  jaccard: number;
  /** The longest run of shingles shared in order, as spans in this note and the other. */
  passage?: { start: number; end: number; otherStart: number; otherEnd: number; words: number };
}

export function compare(a: DuplicateFeatures, b: DuplicateFeatures): Comparison {
  const sizeA = a.first.size;
  const sizeB = b.first.size;
  if (sizeA === 0 || sizeB === 0) return { similarity: 0, jaccard: 0 };
  let shared = 0;
  for (const shingle of a.first.keys()) if (b.first.has(shingle)) shared++;
  // Longest aligned run: consecutive shingles of this note found consecutively in the other.
  let best: { i: number; j: number; length: number } | undefined;
  let run: { i: number; j: number; length: number } | undefined;
  for (let i = 0; i < a.shingles.length; i++) {
    const j = b.first.get(a.shingles[i]);
    if (j === undefined) {
      run = undefined;
      continue;
    }
    if (run && b.shingles[run.j + run.length] === a.shingles[i]) run.length++;
    else run = { i, j, length: 1 };
    if (!best || run.length > best.length) best = { ...run };
  }
  let passage: Comparison['passage'];
  if (best) {
    const lastA = best.i + best.length - 1 + SHINGLE_SIZE - 1;
    const lastB = best.j + best.length - 1 + SHINGLE_SIZE - 1;
    passage = {
      start: a.tokens[best.i].start,
      end: a.tokens[lastA].end,
      otherStart: b.tokens[best.j].start,
      otherEnd: b.tokens[lastB].end,
      words: best.length + SHINGLE_SIZE - 1,
    };
  }
  return { similarity: shared / sizeA, jaccard: shared / (sizeA + sizeB - shared), passage };
}

/** The workspace's notes by company key, built once per workspace array. */
const byCompany = perWorkspace((workspace: readonly WorkspaceNote[]): Map<string, WorkspaceNote[]> => {
  const groups = new Map<string, WorkspaceNote[]>();
  for (const entry of workspace) {
    const key = workspaceCompanyKey(entry);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
});

interface Options {
  threshold: number;
  minWords: number;
}

export default defineRule<Options>(
  {
    id: 'no-duplicate-note',
    description: 'Each note to someone at the same company is written for its reader, not copied from another',
    severity: 'warning',
    fixable: false,
    tags: ['personalization', 'workspace'],
    sources: ['002'],
    scope: 'workspace',
    options: {
      threshold: {
        type: 'number',
        default: 0.75,
        minimum: 0.1,
        maximum: 1,
        description:
          'Share of this note\'s 4-word sequences (names, company, role and topics set aside) that also appear in the other note, from which the two count as the same note',
      },
      minWords: {
        type: 'integer',
        default: 20,
        minimum: 5,
        maximum: 1000,
        description: 'Notes whose body (greeting and sign-off left out) has fewer words than this are not compared: short thank-yous are bound to look alike',
      },
    },
  },
  ({ note, options, workspace, file, report }) => {
    if (!workspace?.length) return;
    const own = noteFeatures(note);
    if (!own.companyKey || own.recipient.words.length === 0) return;
    if (own.tokens.length < options.minWords) return;
    const mine = duplicateFeatures(note);
    const hits: { file: string; to: string; comparison: Comparison }[] = [];
    // Only the notes at the same company, looked up by key (not a scan of the workspace per note).
    for (const other of byCompany(workspace).get(own.companyKey) ?? []) {
      if (other.file === file || other.note === note) continue;
      const theirs = noteFeatures(other.note);
      if (theirs.recipient.words.length === 0 || samePerson(own.recipient, theirs.recipient)) continue;
      if (theirs.tokens.length < options.minWords) continue;
      const comparison = compare(mine, duplicateFeatures(other.note));
      if (comparison.similarity >= options.threshold && comparison.passage) {
        hits.push({ file: other.file, to: String(other.note.frontMatter.to).trim(), comparison });
      }
    }
    if (hits.length === 0) return;
    hits.sort((x, y) => y.comparison.similarity - x.comparison.similarity || x.file.localeCompare(y.file));
    const top = hits[0];
    const passage = top.comparison.passage!;
    const percent = Math.round(top.comparison.similarity * 100);
    const related: RelatedLocation[] = hits.slice(0, 5).map((hit) => ({
      file: hit.file,
      start: hit.comparison.passage!.otherStart,
      end: hit.comparison.passage!.otherEnd,
      message: `The most similar passage in your note to ${hit.to} (${Math.round(hit.comparison.similarity * 100)}% of this note's wording is shared).`,
    }));
    const more = hits.length > 1 ? ` and ${hits.length - 1} other note${hits.length > 2 ? 's' : ''}` : '';
    report({
      start: passage.start,
      end: passage.end,
      message: `This note is nearly the same as your note to ${top.to} (${baseName(top.file)})${more} at the same company (${percent}% of its wording is shared); notes get passed around, so write each one about your conversation with its reader.`,
      related,
    });
  },
);
