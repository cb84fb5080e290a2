import { defineRule } from '../rule';
import { firstGroupMatch, sentenceHas, type PhraseGroup } from '../lexicon/scenario-support';
import { ownSentences } from '../language/index';

/**
 * In a poor-fit note (the interview showed the role is not for you), claiming
 * to be a perfect fit rings false. Only claims about *you* fire, and only
 * when they are not negated ("I'm not the ideal candidate for this one") and
 * not about another role ("the analyst opening sounds like a perfect match
 * for my background" is exactly the suggestion a poor-fit note should make).
 */

type Kind = 'claim';

const GROUPS: readonly PhraseGroup<Kind>[] = [
  {
    kind: 'claim',
    why: 'The writer calls themself the perfect or ideal fit.',
    phrases: [
      // Only adverbs between "I'm" and the claim: "I'm sure the ideal candidate is out there" is not a claim about me.
      "i'm|i'd|i'll truly|really|definitely|certainly|clearly|surely|honestly? be? the|a|an|your? perfect|ideal|exact|flawless|natural fit|match|candidate|choice|person|hire",
      'i am|would|will truly|really|definitely|certainly|clearly|surely|honestly? be? the|a|an|your? perfect|ideal|exact|flawless|natural fit|match|candidate|choice|person|hire',
      'perfect|ideal fit|match for me',
      'fits me perfectly',
    ],
    negatable: true,
  },
  {
    kind: 'claim',
    why: 'The same claim made through what they want: "exactly what you are looking for", "checks every box".',
    phrases: [
      "exactly|precisely what you're|you|the|your ... looking|searching for",
      'exactly|precisely what you|the|your ... need|needs|want|wants',
      'check|checks|tick|ticks|hit|hits every|all ... box|boxes',
      'made|born for this role|job|position|work',
    ],
    negatable: true,
  },
];

/** A sentence about another role (the suggestion a poor-fit note should make) is not a claim about this one. */
const OTHER_ROLE = ['another', 'other', 'different', 'alternative', 'instead', 'future', 'elsewhere'];

export default defineRule(
  {
    id: 'poor-fit-honesty',
    description: 'A poor-fit note does not claim to be a perfect fit for the role',
    severity: 'info',
    fixable: false,
    scenarios: ['poor-fit'],
    tags: ['scenario', 'tone'],
    sources: ['003'],
  },
  ({ note, report }) => {
    for (const sentence of ownSentences(note)) {
      if (sentenceHas(sentence, OTHER_ROLE)) continue;
      const match = firstGroupMatch(sentence, GROUPS);
      if (!match) continue;
      report({
        start: match.start,
        end: match.end,
        message:
          'This sentence claims you are a perfect fit, but the note is marked poor-fit; thank them honestly, and suggest another role or ask for advice instead.',
      });
    }
  },
);
