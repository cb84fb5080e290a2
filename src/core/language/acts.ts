/**
 * What a clause does: thanks, states interest, asks, requests, sets a
 * deadline, apologises, praises, complains, argues, reports news, and a few
 * finer acts the tone rules judge (a directive aimed at the reader, a request
 * to revisit a decision, refusing one, offering time slots, promising or
 * presuming what comes next).
 *
 * Cues are the verbs and frames that perform an act in English ("thank",
 * "please", "let me know", "by Friday"), matched on words with the one phrase
 * matcher (phrases.ts); whether the act counts is decided by the clause's
 * features (its subject, negation, condition), not by longer phrase lists.
 * Praise and complaint are not cues at all: they are sentiment aimed at
 * someone (see readSentence in index.ts).
 */
import { findPhrases } from '../phrases';
import type { Sentence } from '../note';

export type Act =
  | 'thanks'
  | 'interest'
  | 'question'
  | 'request'
  | 'deadline'
  | 'urgency'
  | 'apology'
  | 'praise'
  | 'complaint'
  | 'argument'
  | 'fit-claim'
  | 'news'
  | 'pleasantry'
  | 'availability'
  | 'commitment'
  | 'directive'
  | 'reconsider'
  | 'refusal'
  | 'chasing';

/** A cue: where in the sentence an act's wording was found. */
export interface Cue {
  act: Act;
  from: number;
  to: number;
}

/** Words that name a point in time a request can be tied to. */
export const TIME_WORDS =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today|noon|midday|eod|cob|january|february|march|april|may|june|july|august|september|october|november|december|mon|tue|tues|wed|thu|thurs|fri|0*|1*|2*|3*|4*|5*|6*|7*|8*|9*';

/** Cue patterns per act (phrases.ts syntax). Each list says what performs the act, not what a note happens to contain. */
const CUES: Readonly<Partial<Record<Act, readonly string[]>>> = {
  thanks: ['thank|thanks|thanking|thankful', 'appreciate|appreciated|appreciating|appreciation|appreciative', 'grateful|gratitude'],
  interest: [
    'interested|interest|excited|excitement|eager|enthusiastic|enthusiasm|keen|thrilled|passionate|motivated|energized|energised',
    'look|looking forward to working|joining|contributing|being|collaborating|helping|building|bringing|potentially|possibly',
    'look|looking forward to the possibility|opportunity|chance',
    'look|looking forward to the|our|my ... interview|round|steps|step|conversation|meeting|call|visit',
    "{would|i'd|i'll} love|like|welcome to? join|work|be|contribute|help|build|bring",
    "{would|i'd} love to keep|continue|start|get|dig|see|try|tackle|take",
    "{would|i'd} welcome the|a chance|opportunity",
    'want|hope|hoping to join|work|be|contribute|help|build',
  ],
  question: ['{i was|i am|i\'m} wondering', "{i'd|i would} like to know|ask"],
  request: [
    'please *',
    'kindly *',
    'let me know',
    'get back to me',
    'i request|ask',
    'request a|an|the|that|your',
    "{would|i'd} be grateful|thankful|obliged if",
    "{would|i'd} appreciate it? if",
    "{would|i'd} appreciate a|an|your prompt|quick|swift|timely? response|reply|answer|decision|update",
    'could|can|will you',
    'would you *',
    'i need|want|expect you',
    'i expect|need|want|require|demand a|an|your|the|to answer|decision|response|reply|update|verdict|hear|know',
    "{i'd like|i would like|i want|i need|i'd love|i would love} a|an|your|the ... answer|decision|response|reply|update|confirmation|verdict",
    'have|get|receive|hear an|a|your|the answer|decision|response|reply|verdict',
    '{following up|checking in|writing} about|on|regarding the|my ... status|application|candidacy|decision|timeline',
  ],
  deadline: [
    `by|before|until ${TIME_WORDS}`,
    'by|before next|this|the end|close',
    'no later than',
    'within a|an|one|two|three|four|five|the|24|48|72|0*|1*|2*|3*|4*|5*|6*|7*|8*|9* ... hour|hours|day|days|week|weeks|business',
    'end of the? day|week|month|business',
  ],
  urgency: ['asap', 'as soon as possible', 'as soon as you can', 'right away', 'immediately', 'urgently', 'urgent', 'promptly', 'at once', 'at your earliest convenience'],
  apology: [
    'embarrassed|embarrassing|ashamed|mortified',
    'my mistake|error|typo|oversight|fault|blunder',
    'misspelled|misspelt|mistyped|misnamed|forgot|overlooked',
    'sorry', 'apologize|apologise|apologized|apologised|apologizing|apologising|apology|apologies', 'forgive me|my', 'pardon', 'excuse my|the|me',
  ],
  argument: [
    'i think|thought|believe|believed|feel|felt|suspect|consider|considered|maintain',
    "{i am|i was|i'm|im} confident|convinced|sure|certain|positive",
    'personally|obviously|clearly|evidently',
    '{in my opinion|in fact|to be honest|the fact is|the truth is}',
    'despite|nevertheless|nonetheless|regardless',
  ],
  'fit-claim': [
    'fit|fits|match|matches|suited|asset|assets|qualified|qualifications|contribution|contribute|strengthens|strengthen|strengthened',
    'ideal|perfect|right|strong|great|excellent|good|valuable|solid|natural candidate|choice|person|member|addition|hire',
    'align|aligns|aligned with',
  ],
  news: [
    "{i have|i had|i've|we have|we've} completed|received|accepted|earned|finished|launched|passed|published|won|started|joined|signed",
    'i received|accepted|earned|completed|finished|launched|passed|won an|a|the|my',
    "{i got|i've got|i have got|i've gotten|i have gotten} an|another|the offer",
    'wanted to let you know|share|update|tell|inform',
    'i regret to inform',
    'a|an|one|quick update|news',
    'since we spoke|talked|met|our',
    "{i'm|i am|i was} writing to let|tell|inform|update",
  ],
  pleasantry: [
    'look|looking forward to hearing|speaking|talking|connecting|your|seeing|the next|next',
    "hope|hoping you|you're|all|this|everything|your ... well|good|great|fine|smoothly|nicely",
    'hope to hear|talk|speak|see|connect',
    'hear|hearing from you|back',
    'feel free',
    "don't|do|dont not? hesitate",
    'if you have|need ... questions|information|anything',
    'let me know if|whether',
    'have|enjoy a|the? great|good|nice|wonderful|lovely ... weekend|day|week|evening|holiday',
    'best of luck',
    'good luck',
    'all the best',
    'best wishes',
    'wish|wishing you|your ... best|luck|success',
    'please contact|call|email|reach',
    'pleasure|nice|great|good|wonderful|lovely ... meeting|meet|speaking|speak|talking|talk|chatting',
    'enjoyed|loved ... meeting|speaking|talking|chatting|conversation|chat|talk|visit|time',
  ],
  availability: ["{i'm|i am|i'll be|i will be|im} available|free|open", '{my availability|my schedule} is', 'i can meet|talk|speak|come|chat|do'],
  commitment: ["{i will|i shall|i'll|i am going to|i'm going to} *", 'when i start|join|begin|arrive'],
  directive: [
    'you should|must|ought',
    'you need|have|has to',
    "{you had|you'd} better",
    'you might|may want to',
    'remind you',
    '{for your information|fyi}',
    'i suggest|recommend|advise|urge that? you',
  ],
  reconsider: [
    'reconsider*|re-consider*|re-evaluat*|reevaluat*|rethink*|revisit*|overturn*|reverse|reversing|reopen*',
    'another|second|fresh|closer|new look|chance|review',
    'review|consider|look ... again',
    'change* your|their|the mind*|decision',
  ],
  refusal: [
    "unable|cannot|can't|won't|refuse|refusing|decline to? accept|acknowledge|agree|respect",
    '{not able|will not|not going|do not|did not} to? accept|acknowledge|agree',
    "{does not|do not|did not|doesn't|don't|didn't} meet|satisfy|suit|work for? my|me",
  ],
  chasing: [
    "{i still haven't|i still have not} heard|received|gotten|had",
    '{no one|nobody} has|got|gave|replied|responded|answered|returned',
    '{following up|checking in|writing} again|once more',
    'my last|previous|earlier|several|two|three|multiple emails|messages|calls|notes|voicemails',
    'still waiting',
    "{i will|i'll|i shall} call|phone|ring you|your",
    "{i will|i'll|i shall} give you a call|ring",
    "{i will|i'll|i shall} stop|drop|come by|in|over",
  ],
};

const CUE_ACTS = Object.keys(CUES) as Act[];

/** The cues found in a sentence, in act order (each act's matches left to right). */
export function cuesOf(sentence: Sentence): Cue[] {
  const out: Cue[] = [];
  for (const act of CUE_ACTS) {
    for (const m of findPhrases(sentence, CUES[act]!)) out.push({ act, from: m.from, to: m.to });
  }
  return out;
}
