/**
 * Closed word classes the language layer reads: pronouns, modal verbs,
 * copulas, conjunctions. Lists here are lexical by nature (English has a fixed
 * set of pronouns); open-class judgments (sentiment, specificity) live in
 * their own files.
 */

export const WRITER_WORDS: ReadonlySet<string> = new Set(['i', "i'm", "i've", "i'd", "i'll", 'im', 'ive', 'me', 'my', 'mine', 'myself']);

export const READER_WORDS: ReadonlySet<string> = new Set([
  'you', 'your', 'yours', "you're", "you've", "you'd", "you'll", 'yourself', 'yourselves', 'youre', 'youve', 'youll', 'ya', "y'all",
]);

/** Nouns for the reader's side: their organisation and the people who ran the process. */
export const READER_SIDE_NOUNS: ReadonlySet<string> = new Set([
  'company', 'companies', 'firm', 'organization', 'organisation', 'team', 'teams', 'department', 'panel', 'committee', 'interviewer', 'interviewers', 'panelist',
  'panelists', 'recruiter', 'recruiters', 'hr', 'management', 'leadership', 'staff', 'office', 'agency', 'board', 'people', 'employees', 'coordinator',
  'scheduler', 'manager', 'managers', 'director', 'boss', 'ceo', 'founder', 'founders', 'business', 'group', 'workplace', 'culture', 'comments', 'opinion',
]);

/** Nouns for the hiring decision and its process. */
export const PROCESS_NOUNS: ReadonlySet<string> = new Set([
  'decision', 'decisions', 'process', 'rejection', 'refusal', 'selection', 'outcome', 'timeline', 'response', 'reply', 'letter', 'email', 'e-mail',
  'interview', 'interviews', 'hiring', 'recruiting', 'recruitment', 'screening', 'assessment', 'offer', 'choice', 'verdict', 'procedure', 'evaluation',
]);

/** Past or present employers and colleagues of the writer ("my old boss") and rival candidates: third parties. */
export const THIRD_PARTY_NOUNS: ReadonlySet<string> = new Set([
  'boss', 'bosses', 'manager', 'managers', 'employer', 'employers', 'company', 'job', 'team', 'supervisor', 'coworkers', 'co-workers', 'colleagues',
  'workplace', 'firm', 'director', 'lead', 'organization', 'organisation', 'department', 'management', 'leadership', 'ceo', 'startup', 'candidate',
  'candidates', 'applicant', 'applicants', 'finalist', 'finalists', 'hire',
]);

/** Adjectives that make "my … team" a past or present employer rather than the writer's own qualities. */
export const EMPLOYMENT_PAST: ReadonlySet<string> = new Set(['old', 'former', 'previous', 'last', 'current', 'ex', 'prior', 'past', 'present']);

/** Other people in the hiring race. */
export const RIVAL_WORDS: ReadonlySet<string> = new Set(['other', 'another', 'rival', 'competing']);

export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'your', 'my', 'our', 'their', 'his', 'her', 'its', 'any', 'some', 'every']);

/** Modals and auxiliaries of certainty about the future. */
export const FUTURE_CERTAIN: ReadonlySet<string> = new Set(['will', "i'll", 'shall', "we'll", "you'll"]);

/** Modals of obligation ("you should", "you must", "you need to"). */
export const OBLIGATION: ReadonlySet<string> = new Set(['should', 'must', 'need', 'needs', 'ought', 'have', 'has', 'better']);

export const COPULAS: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', "'re", "you're", "it's", "that's", "they're", 'seem', 'seems', 'seemed', 'felt', 'feels', 'look', 'looks',
  'looked', 'sound', 'sounds', 'remain', 'remains', 'became', 'become',
]);

/** Words that open a new clause inside a sentence. */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['but', 'yet', 'although', 'though', 'because', 'whereas', 'however', 'unless', 'while']);

/** Words that open a conditional or hypothetical clause. */
export const CONDITIONAL_OPENERS: ReadonlySet<string> = new Set(['if', 'unless', 'should', 'whether', 'when', 'once', 'in case']);

/** Words that may stand before a clause's subject without being it ("So I…", "Personally, I…"). */
export const SUBJECT_LEAD: ReadonlySet<string> = new Set([
  'and', 'but', 'so', 'also', 'then', 'therefore', 'thus', 'hence', 'personally', 'obviously', 'clearly', 'honestly', 'frankly', 'actually', 'still',
  'really', 'again', 'now', 'that', 'and', 'yet', 'although', 'though', 'because', 'since', 'while', 'whereas', 'however', 'as', 'if', 'unless',
  'when', 'once', 'just', 'even', 'only', 'truly', 'certainly', 'surely', 'indeed', 'additionally', 'furthermore', 'moreover', 'besides', 'otherwise',
  'technically', 'ultimately', 'finally', 'lastly', 'first', 'second', 'sadly', 'unfortunately', 'fortunately', 'naturally', 'basically', 'simply',
]);
