/**
 * Suggestions for front-matter keys and enum values that are not recognised:
 * common synonyms first, then a close spelling (one typo, transpositions counted
 * once). Used by valid-front-matter.
 */
import { CHANNELS, FRONT_MATTER_KEYS, SCENARIOS, STATUSES } from '../note';
import { nearest } from '../text';

/** Keys people write for the ones Note Coach reads. */
export const KEY_SYNONYMS: Record<string, string> = {
  recipient: 'to',
  interviewer: 'to',
  addressee: 'to',
  'hiring-manager': 'to',
  hiring_manager: 'to',
  mail: 'email',
  'e-mail': 'email',
  e_mail: 'email',
  address: 'email',
  employer: 'company',
  organization: 'company',
  organisation: 'company',
  org: 'company',
  firm: 'company',
  position: 'role',
  job: 'role',
  'job-title': 'role',
  job_title: 'role',
  'interview-date': 'interviewed',
  interview_date: 'interviewed',
  interviewdate: 'interviewed',
  'interviewed-on': 'interviewed',
  type: 'scenario',
  kind: 'scenario',
  situation: 'scenario',
  medium: 'channel',
  via: 'channel',
  method: 'channel',
  topic: 'topics',
  discussed: 'topics',
  strength: 'strengths',
  skills: 'strengths',
  author: 'from',
  sender: 'from',
  signature: 'from',
  'sent-on': 'sent',
  'sent-at': 'sent',
  sent_at: 'sent',
  'sent-date': 'sent',
  subj: 'subject',
  state: 'status',
  update: 'news',
};

/** Keys that could mean either of two keys: both are offered. */
export const KEY_CHOICES: Record<string, readonly [string, string]> = {
  name: ['to', 'from'],
  title: ['role', 'subject'],
  date: ['interviewed', 'sent'],
};

/** Values people write for the scenarios. */
export const SCENARIO_SYNONYMS: Record<string, string> = {
  interview: 'after-interview',
  'thank-you': 'after-interview',
  'thank-you-note': 'after-interview',
  'post-interview': 'after-interview',
  phone: 'phone-screen',
  'phone-interview': 'phone-screen',
  screen: 'phone-screen',
  screening: 'phone-screen',
  'panel-interview': 'panel',
  rejection: 'after-rejection',
  rejected: 'after-rejection',
  'post-rejection': 'after-rejection',
  'poor-match': 'poor-fit',
  'bad-fit': 'poor-fit',
  'not-a-fit': 'poor-fit',
  update: 'new-information',
  'new-info': 'new-information',
  news: 'new-information',
  'status-check': 'check-in',
  followup: 'check-in',
  'follow-up': 'check-in',
  staff: 'staff-thanks',
  'thank-staff': 'staff-thanks',
  advocate: 'champion',
  insider: 'champion',
};

export const CHANNEL_SYNONYMS: Record<string, string> = {
  mail: 'email',
  'e-mail': 'email',
  letter: 'handwritten',
  card: 'handwritten',
  'thank-you-card': 'handwritten',
  'hand-written': 'handwritten',
  paper: 'handwritten',
  'linked-in': 'linkedin',
  'linkedin-message': 'linkedin',
  inmail: 'linkedin',
  sms: 'text',
  'text-message': 'text',
  message: 'text',
  imessage: 'text',
  whatsapp: 'text',
};

export const STATUS_SYNONYMS: Record<string, string> = {
  drafting: 'draft',
  'not-sent': 'draft',
  unsent: 'draft',
  todo: 'draft',
  wip: 'draft',
  done: 'sent',
  delivered: 'sent',
  mailed: 'sent',
  emailed: 'sent',
};

/** Optimal-string-alignment distance: like Levenshtein, but swapping two neighbours counts once ("compnay"). */
export function typoDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 3) return Math.abs(m - n);
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[n];
}

/** Lower case, spaces and underscores as hyphens: "Phone Screen" → "phone-screen". */
export function canonical(value: string): string {
  return value.trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/**
 * The closest of `candidates` to a value, from a synonym table or as a likely typo
 * (nearest() in text.ts, confirmed by a stricter distance so "name" is not read as "news").
 */
export function suggest(value: string, candidates: readonly string[], synonyms: Record<string, string>): string | undefined {
  const c = canonical(value);
  if (candidates.includes(c)) return c;
  if (synonyms[c]) return synonyms[c];
  const squashed = c.replace(/-/g, '');
  const exact = candidates.find((k) => k.replace(/-/g, '') === squashed);
  if (exact) return exact;
  const best = nearest(c, candidates);
  if (!best) return undefined;
  return typoDistance(c, best) <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

export const suggestKey = (key: string) => suggest(key, FRONT_MATTER_KEYS, KEY_SYNONYMS);
/** The keys to offer for an unknown key: one likely typo or synonym, or two when the key is ambiguous ("name": `to` or `from`). */
export function suggestKeys(key: string): string[] {
  const choices = KEY_CHOICES[canonical(key)];
  if (choices) return [...choices];
  const one = suggestKey(key);
  return one ? [one] : [];
}
export const suggestScenario = (value: string) => suggest(value, SCENARIOS, SCENARIO_SYNONYMS);
export const suggestChannel = (value: string) => suggest(value, CHANNELS, CHANNEL_SYNONYMS);
export const suggestStatus = (value: string) => suggest(value, STATUSES, STATUS_SYNONYMS);

/** Whether turning `value` into `suggestion` only changes case, spaces or hyphens (safe to apply blind). */
export function isCosmetic(value: string, suggestion: string): boolean {
  return canonical(value).replace(/-/g, '') === suggestion.replace(/-/g, '');
}
