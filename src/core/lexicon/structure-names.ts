/**
 * Personal names as they appear in greetings and in the front matter's `to`:
 * folding, titles, generic salutations and common nicknames. Used by
 * greeting-matches-recipient and no-unfilled-placeholder.
 */

// Hoisted: a `\p{…}` outside a character class makes esbuild (Node 20 target: tsx, the CLI bundle)
// emit `new RegExp(…)` where the literal stands, i.e. on every call.
const COMBINING_MARKS = /\p{M}+/gu;
const INITIAL = /^\p{L}\.?$/u;
const STARTS_UPPER = /^\p{Lu}/u;

/**
 * Remember a pure function of a string, for a bounded number of strings: the
 * rules ask about the same front-matter values and greetings on every check of
 * a note (the map starts over when full).
 */
function remembered<T>(compute: (value: string) => T, limit = 2000): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (value.length > 256) return compute(value); // a pasted blob: not worth keeping
    let out = cache.get(value);
    if (out === undefined && !cache.has(value)) {
      out = compute(value);
      if (cache.size >= limit) cache.clear();
      cache.set(value, out);
    }
    return out as T;
  };
}

/** Lower case, accents removed (NFD), typographic apostrophes folded. */
export function foldName(value: string): string {
  return rememberedFoldName(value);
}

const rememberedFoldName = remembered(computeFoldName, 5000);

function computeFoldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** Honorifics and titles written before a name ("Ms. Ruiz", "Dr Okafor", "Professor Lin"). Compared folded, without the dot. */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'madam', 'madame', 'mme', 'mlle',
  'rev', 'reverend', 'fr', 'father', 'sr', 'sra', 'srta', 'senor', 'senora', 'herr', 'frau', 'coach', 'judge',
  'hon', 'capt', 'captain', 'col', 'lt', 'sgt', 'chef', 'rabbi', 'pastor', 'dean',
]);

/** Words around a name in a greeting that are not part of it ("Hello again Ana", "Dear Hiring Manager Ruiz"). */
export const GREETING_FILLERS = new Set(['again', 'there', 'and', 'both', 'hiring', 'manager', 'recruiter']);

/** Suffixes after a surname ("Jr.", "III", "PhD") that say nothing about who it is. */
export const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'mba', 'cpa']);

/**
 * Salutations that address a group or a role rather than a person: they can never
 * name the wrong person. Compared against the whole greeting name, folded, with a
 * leading "the" and a trailing company name allowed (see isGenericAddressee).
 */
export const GENERIC_ADDRESSEES = [
  'hiring manager', 'hiring managers', 'hiring team', 'hiring committee', 'search committee', 'selection committee',
  'interview panel', 'panel', 'panelists', 'panel members', 'interview team', 'recruiting team', 'recruitment team',
  'talent team', 'talent acquisition team', 'talent acquisition', 'hr team', 'hr', 'human resources', 'people team',
  'team', 'teams', 'all', 'everyone', 'everybody', 'folks', 'friends', 'colleagues', 'y\'all', 'you all', 'you both',
  'both', 'there', 'sir', 'madam', 'sir or madam', 'sir/madam', 'sirs', 'recruiter', 'recruiters', 'committee',
  'members of the committee', 'members of the search committee', 'search team', 'whom it may concern',
];

/** Last words that make a greeting address a group ("Fernleaf team", "Data Platform folks"). */
export const GROUP_WORDS = new Set(['team', 'teams', 'committee', 'panel', 'folks', 'crew', 'group', 'people', 'all', 'everyone', 'department', 'staff', 'friends']);

/**
 * Common English nicknames and the formal names they shorten, both ways, so that
 * "Dear Bob," is not reported for `to: Robert Chen`. A nickname that is a prefix of
 * the formal name (Alex, Sam, Chris) needs no entry: prefixes are accepted.
 */
const NICKNAME_GROUPS: readonly (readonly string[])[] = [
  ['robert', 'bob', 'bobby', 'rob', 'robbie', 'bert'],
  ['william', 'bill', 'billy', 'will', 'willy', 'liam'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betsy', 'betty', 'eliza', 'libby', 'lisa', 'elisabeth'],
  ['margaret', 'maggie', 'meg', 'peggy', 'greta', 'marge'],
  ['richard', 'rick', 'ricky', 'dick', 'rich', 'richie'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['john', 'jack', 'johnny', 'jon'],
  ['jonathan', 'jon', 'jonny'],
  ['edward', 'ed', 'eddie', 'ted', 'teddy', 'ned'],
  ['theodore', 'ted', 'teddy', 'theo'],
  ['katherine', 'catherine', 'kathryn', 'katharine', 'kate', 'katie', 'kathy', 'cathy', 'kat', 'kay', 'kit'],
  ['susan', 'sue', 'susie', 'suzy'],
  ['michael', 'mike', 'mikey', 'mick'],
  ['charles', 'charlie', 'chuck', 'chas'],
  ['henry', 'hank', 'harry', 'hal'],
  ['harold', 'harry', 'hal'],
  ['anthony', 'tony'],
  ['antonio', 'tony', 'toni'],
  ['andrew', 'andy', 'drew'],
  ['david', 'dave', 'davey'],
  ['daniel', 'dan', 'danny'],
  ['joseph', 'joe', 'joey'],
  ['josephine', 'jo', 'josie'],
  ['matthew', 'matt'],
  ['patricia', 'pat', 'patty', 'trish', 'tricia'],
  ['patrick', 'pat', 'paddy'],
  ['rebecca', 'becky', 'becca'],
  ['deborah', 'debra', 'deb', 'debbie'],
  ['victoria', 'vicky', 'tori'],
  ['alexandra', 'alex', 'sandy', 'sasha', 'lexi'],
  ['alexander', 'alex', 'sasha', 'xander', 'sandy'],
  ['stephen', 'steven', 'steve', 'stevie'],
  ['gregory', 'greg'],
  ['jeffrey', 'geoffrey', 'jeff', 'geoff'],
  ['joshua', 'josh'],
  ['benjamin', 'ben', 'benny'],
  ['lawrence', 'laurence', 'larry', 'laurie'],
  ['gerald', 'jerry', 'gerry'],
  ['jennifer', 'jen', 'jenny', 'jenn'],
  ['abigail', 'abby', 'gail'],
  ['amanda', 'mandy'],
  ['manuel', 'manny', 'manolo'],
  ['jose', 'pepe'],
  ['francisco', 'paco', 'pancho', 'frank'],
  ['francis', 'frank', 'fran'],
  ['frances', 'fran', 'frankie'],
  ['guadalupe', 'lupe'],
  ['nicholas', 'nick', 'nicky', 'nico'],
  ['christopher', 'chris', 'kit'],
  ['christina', 'christine', 'chris', 'tina', 'chrissy'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy'],
  ['thomas', 'tom', 'tommy'],
  ['timothy', 'tim', 'timmy'],
  ['kenneth', 'ken', 'kenny'],
  ['ronald', 'ron', 'ronnie'],
  ['donald', 'don', 'donnie'],
  ['raymond', 'ray'],
  ['peter', 'pete'],
  ['eleanor', 'ellie', 'nell', 'nora'],
  ['dorothy', 'dot', 'dottie'],
  ['barbara', 'barb', 'babs'],
  ['cynthia', 'cindy'],
  ['judith', 'judy'],
  ['pamela', 'pam'],
  ['kimberly', 'kim'],
  ['melissa', 'mel', 'missy'],
  ['melanie', 'mel'],
  ['jacqueline', 'jackie'],
  ['jessica', 'jess', 'jessie'],
  ['nathaniel', 'nate', 'nat'],
  ['natalie', 'nat'],
  ['zachary', 'zach', 'zack'],
  ['oluwaseun', 'seun'],
  ['oluwadamilare', 'dami'],
  ['mohammed', 'muhammad', 'mohamed', 'mohammad', 'mo'],
  ['aleksandr', 'sasha', 'alex'],
  ['dmitri', 'dmitry', 'dima'],
  ['ekaterina', 'katya', 'katia'],
  ['yekaterina', 'katya', 'katia'],
];

const NICKNAMES = new Map<string, Set<string>>();
for (const group of NICKNAME_GROUPS) {
  for (const name of group) {
    const set = NICKNAMES.get(name) ?? new Set<string>();
    for (const other of group) set.add(other);
    NICKNAMES.set(name, set);
  }
}

/** Whether two folded name words can refer to the same person: equal, a nickname pair, or a short form (≥ 3 letters) of the other. */
export function sameNameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (NICKNAMES.get(a)?.has(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 3 && long.startsWith(short);
}

export interface PersonName {
  /** A title or honorific was written ("Ms.", "Dr"). */
  title?: string;
  /** Folded name words, titles, initials and suffixes removed, hyphenated parts split. */
  words: string[];
  /** The name words as written (same order as `words`), for building replacements. */
  written: string[];
  /** Whether every name word starts with a capital letter as written. */
  capitalized: boolean;
}

/** Split a name ("Dr. Ana-María Ruiz Jr.") into its title and name words; `ignore` lists folded words to leave out. */
export function parsePersonName(value: string, ignore?: ReadonlySet<string>): PersonName {
  // Remembered for the two ways it is asked (all words, or greeting fillers left out); a copy each time.
  const name =
    ignore === undefined ? rememberedName(value) : ignore === GREETING_FILLERS ? rememberedGreetedName(value) : computePersonName(value, ignore);
  const copy: PersonName = { words: [...name.words], written: [...name.written], capitalized: name.capitalized };
  if (name.title !== undefined) copy.title = name.title;
  return copy;
}

const rememberedName = remembered((value) => computePersonName(value));
const rememberedGreetedName = remembered((value) => computePersonName(value, GREETING_FILLERS));

function computePersonName(value: string, ignore?: ReadonlySet<string>): PersonName {
  const result: PersonName = { words: [], written: [], capitalized: true };
  const parts = value.split(/[\s\u00a0]+/).filter(Boolean);
  for (const [i, raw] of parts.entries()) {
    const clean = raw.replace(/^[^\p{L}]+|[^\p{L}.'\u2019]+$/gu, '');
    const folded = foldName(clean).replace(/\.$/, '');
    if (!folded || ignore?.has(folded)) continue;
    if (result.words.length === 0 && !result.title && TITLES.has(folded) && i < parts.length - 1) {
      result.title = clean;
      continue;
    }
    if (NAME_SUFFIXES.has(folded) && result.words.length > 0) continue;
    // Initials ("M.", "J") say too little to compare.
    if (INITIAL.test(clean)) continue;
    for (const piece of clean.split(/[-\u2010\u2011]/)) {
      const word = foldName(piece).replace(/[^\p{L}]/gu, '');
      if (!word) continue;
      result.words.push(word);
      result.written.push(piece.replace(/\.$/, ''));
      if (!STARTS_UPPER.test(piece)) result.capitalized = false;
    }
  }
  return result;
}

/**
 * How a greeting names the person in `to`: the first name ("Ana" for "Ana Ruiz"), or `to` as
 * written when it has a title ("Ms. Ruiz") or is one word. The greeting fix and Fill placeholders agree on it.
 */
export function greetingName(to: string): string {
  const name = parsePersonName(to);
  if (name.title || name.written.length < 2) return to.trim();
  return to.trim().split(/\s+/)[0];
}

/** Whether a greeting's addressee is a group or a role, not a person ("Hiring Manager", "Fernleaf team", "all"). */
export function isGenericAddressee(value: string): boolean {
  return rememberedGeneric(value);
}

const rememberedGeneric = remembered(computeGenericAddressee);

function computeGenericAddressee(value: string): boolean {
  const folded = foldName(value)
    .replace(/[^\p{L}\s'&/]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|dear|my|our)\s+/, '');
  if (!folded) return true;
  if (GENERIC_ADDRESSEES.includes(folded)) return true;
  const words = folded.split(' ');
  // "Fernleaf team", "Team Fernleaf", "Routing folks".
  return GROUP_WORDS.has(words[words.length - 1]) || GROUP_WORDS.has(words[0]);
}
