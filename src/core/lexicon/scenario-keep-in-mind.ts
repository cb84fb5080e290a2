/**
 * How a note asks to be remembered for later: "keep me in mind", "future
 * openings", "stay in touch". Used by rejection-keep-door-open (which fires
 * when none of these is present, so this list is deliberately broad: a miss
 * here becomes a false finding there) and by rejection-no-reargue (which
 * offers to replace a re-argued sentence with such a request, or just to
 * remove it when the note already has one).
 */
import type { Note } from '../note';
import { anyGroupMatch, ownSentences, type PhraseGroup } from './scenario-support';

export const KEEP_IN_MIND_GROUPS: readonly PhraseGroup<'keep-in-mind'>[] = [
  {
    kind: 'keep-in-mind',
    why: 'The direct request, in its usual wordings.',
    phrases: [
      'keep|keeping|bear|have me in mind',
      'keep|keeping|bear me in your? thoughts|mind',
      'think|thinking of me',
      'remember me',
      'keep|keeping my resume|résumé|cv|application|information|details|name|profile|contact ... on file',
    ],
    negatable: true,
  },
  {
    kind: 'keep-in-mind',
    why: 'Naming later or other roles is the same request in other words.',
    phrases: [
      'future opening*|opportunit*|role*|position*|vacanc*|posting*|need*|hiring|search*|team*',
      'other|another|upcoming|similar|related|different opening*|opportunit*|role*|position*|vacanc*',
      'consider* me for ... future|other|another|upcoming|similar|later|related',
      'consider* me again',
      'be|being considered again',
      'apply|applying again',
      'reapply*',
    ],
  },
  {
    kind: 'keep-in-mind',
    why: 'Asking to keep the relationship going keeps the door open too.',
    phrases: [
      'stay|keep|staying|keeping in touch|contact',
      'stay|keep|staying|keeping connected',
      'connect|connected on linkedin',
      'keep|keeping|leave|leaving the door open|ajar',
      'paths cross',
      'work together ... future|someday|eventually|later',
      'work with you|your ... future|someday|eventually|later',
      'in the future',
      'down the road|line',
      'if|when|should anything|something else? open*|arise*|appear*',
      'if|when|should anything|something else? come* up',
      'if|when|should anything|something else? become* available',
      'if|when|should a|another|any ... role|position|opening|job|spot ... open*|arise*|come*|become*|appear*',
    ],
  },
];

/** Whether the writer (not a quoted passage) asks to be kept in mind somewhere in the note. */
export function asksToBeKeptInMind(note: Note): boolean {
  return anyGroupMatch(ownSentences(note), KEEP_IN_MIND_GROUPS);
}
