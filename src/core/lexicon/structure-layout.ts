/**
 * The words and shapes of a letter's or an e-mail's layout: header labels,
 * salutations, closings, signature and contact lines. Read by layout/read.ts;
 * kept here as data, each group with the reason it is there.
 */

// ---------------------------------------------------------------------------
// Header

/** A pasted e-mail subject: "Subject:", "Subject line:", "Email subject line:", "Sub:", "Subj:". */
export const SUBJECT_LABEL = /^(?:e-?mail\s+)?(?:subject(?:\s+line)?|subj?)\s*:\s*/i;

/** A reference line of a letter or a forwarded mail: "Re:", "Ref:", "Regarding:", "Fwd:". */
export const REFERENCE_LABEL = /^(?:re|ref|reference|regarding|fwd?)\s*:/i;

/** Memo lines: "FR:", "TO:", "DATE:", "CC:", "Attn:", and a memo's "Position:" line. */
export const MEMO_LABEL = /^(?:to|fr|from|date|cc|bcc|attn|attention|memo(?:randum)?|position)\s*:/i;

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY = String.raw`(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?`;
const YEAR = String.raw`(?:\d{4}|\d{2}[x]{2}|x{2,4})`;
/** A letter's date line: "April 9, 2014", "9 April 2014", "Tuesday, March 3", "2026-03-02", "3/2/26", "Jan 12, XXXX". */
const DATE_LINE = new RegExp(
  String.raw`^${WEEKDAY}(?:${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+${YEAR})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?(?:\s+${YEAR})?|${MONTH}\s+${YEAR}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4})$`,
  'i',
);

/** A date line, or a template's stand-in for one ("Date", "[Date]", "Date of writing"). */
export function isHeaderDate(value: string): boolean {
  return DATE_LINE.test(value) || /^\[?date(?: of (?:writing|letter))?\]?$/i.test(value);
}

// ---------------------------------------------------------------------------
// Greeting

/**
 * Salutations a greeting opens with. "To the …" / "To all …" only as a short line of its own
 * ("To the hiring team,"), which layout/read.ts checks.
 */
export const SALUTATION = /^(dear(?:est)?|hi|hiya|hello|hey|greetings|good (?:morning|afternoon|evening|day)|to whom it may concern|to(?= (?:the|all|everyone)\b))\b/i;

/** A label pasted before the greeting by a template page ("Email text: Hi Ana,"). */
export const LABELLED_GREETING = /^(?:e-?mail\s+)?(?:text|body|message)\s*:\s+(?=\S)/i;

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'\u2019.\-]*|\[[^\]\n]{1,40}\]|\{\{?[^}\n]{1,40}\}?\}|_{2,})`;
/**
 * A bare vocative: an optional title and one to four capitalised name words (or a slot),
 * then a comma or a colon ("Dan,", "Ms. Smith:", "Team Fernleaf,", "[Name],").
 * Groups: 1 the title with its space, 2 the name words.
 */
export const VOCATIVE = new RegExp(
  String.raw`^((?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Miss)\.?(?:\s*\/\s*(?:Mr|Mrs|Ms|Miss)\.?)?\s+)?)(${NAME_WORD}(?:\s+${NAME_WORD}){0,3})\s*[,:](?=\s|$)`,
  'u',
);

/** Capitalised words that start a sentence with a comma after them, never a vocative ("However,", "Thanks,"). Folded. */
export const NOT_A_VOCATIVE = new Set([
  // discourse markers
  'however', 'overall', 'also', 'again', 'additionally', 'finally', 'first', 'firstly', 'second', 'secondly', 'lastly',
  'meanwhile', 'honestly', 'anyway', 'otherwise', 'instead', 'still', 'besides', 'then', 'now', 'well', 'so', 'yes', 'no',
  'unfortunately', 'fortunately', 'today', 'yesterday', 'recently', 'please', 'sorry', 'ok', 'okay', 'in addition',
  // closings and labels, which have their own places
  'thanks', 'thank you', 'sincerely', 'best', 'regards', 'cheers', 'ps', 'p.s', 'subject', 're', 'date', 'to', 'from', 'note',
]);

// ---------------------------------------------------------------------------
// Closing and signature

/** Closing words a sign-off line is ("Best regards,") or starts with ("Best, Sam", "Thanks! Sam"). */
export const CLOSING_START =
  /^(?:(?:with )?(?:best|kind|kindest|warm|warmest|many) (?:regards|wishes|thanks)|regards|best|all the best|sincerely(?: yours)?|yours(?: sincerely| truly| faithfully)?|respectfully(?: yours)?|(?:many )?thanks(?: again| so much)?|thank you(?: again| so much)?|with (?:gratitude|appreciation|thanks)|gratefully|warmly|cheers|take care|talk soon)$/i;

/** A short closing of one's own ending in a comma or "!" ("Looking forward to hearing from you,", "Thanks again!"), or a few words and a stop. */
const OWN_CLOSING = /^[^.?]{1,60}[,!]$|^(?:\S+\s+){0,3}\S+[.!]$/u;

/** Words a closing of one's own starts with ("Thanks again 🙏", "Talk soon", "Looking forward to it"). */
const CLOSING_WORD = /^(?:thanks|thank|best|regards|cheers|warm|warmly|warmest|kind|kindest|sincerely|talk|looking|see|take|all|many|with|until|hope|speak|grateful|gratefully|respectfully|yours|appreciatively|cordially)\b/i;

/** Whether a line (Markdown and trailing emoji removed) is a closing. */
export function isClosingLine(value: string): boolean {
  const bare = value.trim();
  if (!bare) return false;
  if (/^[-\u2013\u2014_]{1,3}$/.test(bare)) return true; // the "-- " line that starts an e-mail signature
  if (CLOSING_START.test(bare.replace(/[,.!]$/, ''))) return true;
  if (OWN_CLOSING.test(bare)) return true;
  return CLOSING_WORD.test(bare) && bare.split(/\s+/).length <= 6 && !/[?]$/.test(bare);
}

/** A name after a dash at the end of a line ("— Sam", "Thanks again! - Sam Patel"). Group 1: the name. */
export const DASH_SIGNATURE = /(?:^|\s)(?:--?|\u2013|\u2014)\s*(\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:\s+\p{Lu}[\p{L}\p{M}.'\u2019-]*){0,3})$/u;

/** A postscript starts here. */
export const POSTSCRIPT = /^(?:[*_]*)(?:P\.\s?S\.|PS[:.]|P\.S\b|PPS\b|P\.P\.S\.)/;

/** Contact details in a signature: an address, a link, a phone number, or a slot for one. */
const CONTACT = /@|https?:\/\/|www\.|linkedin\.com|\b(?:phone|tel|mobile|cell|e-?mail|linkedin|portfolio|website|contact)\b|\+?\(?\d[\d\s().-]{6,}\d/i;

/** A contact line: short (a sentence that gives a phone number is the message), with contact details. */
export function isContactLine(value: string): boolean {
  return value.length <= 120 && value.split(/\s+/).length <= 10 && CONTACT.test(value) && !/[.?!]$/.test(value.replace(/\.(?:com|org|net|io|dev|me|example)$/i, ''));
}

/**
 * A template's stand-in for the signature, in any case: "Your name (typed)", "My full name",
 * "(Handwritten signature)", "(signature)". Slots in capitals or brackets are found by the slot patterns.
 */
export const SIGNATURE_STAND_IN = /^(?:(?:your|my) (?:full |typed |printed )?name\b.{0,20}|\((?:[^()]*\b(?:signature|signed|sign here)\b[^()]*)\))$/i;
