import type { Note, Scenario, Span } from '../note';
import { defineRule } from '../rule';
import { DAY, HOUR, firstEntry, formatDuration, formatHours } from '../lexicon/scenario-support';

/**
 * When the note goes out, measured from `interviewed`:
 * - a draft (`status` missing or `draft`, and no `sent` date) still unsent
 *   more than `maxHours` after the interview;
 * - a note marked sent (`status: sent`, or a `sent` date with no status)
 *   less than `minHours` after it.
 *
 * "Now" is the caller's (context.now), never the clock, so tests are
 * deterministic. A date without a time is a whole day: the rule only speaks
 * when every time on that day would break the window, so a date-only `sent`
 * on the interview day is fine with the default 2-hour minimum, and a
 * date-only `interviewed` starts the clock at the end of that day.
 *
 * Only for the notes that follow an interview directly. A rejection reply,
 * a champion note, news or a check-in are written days or months later on
 * purpose, counted from some other event.
 */

interface Options {
  minHours: number;
  maxHours: number;
}

const APPLIES_TO: readonly Scenario[] = ['after-interview', 'phone-screen', 'panel', 'poor-fit', 'staff-thanks'];

const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;

/** The earliest and latest instants a front-matter date may mean: a day without a time is all of that day. */
function bounds(raw: string | undefined, at: Date): { lo: number; hi: number; dateOnly: boolean } {
  const t = at.getTime();
  if (raw !== undefined && DATE_ONLY.test(raw)) {
    // parseDate reads a bare date as local midnight; the day ends at the next midnight (23 or 25 hours on DST days).
    const next = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1).getTime();
    return { lo: t, hi: next, dateOnly: true };
  }
  return { lo: t, hi: t, dateOnly: false };
}

function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function spanOf(note: Note, key: string): Span | undefined {
  const entry = firstEntry(note, key);
  return entry ? { start: entry.valueSpan.start, end: entry.valueSpan.end } : undefined;
}

export default defineRule<Options>(
  {
    id: 'send-window',
    description: 'The note is sent neither too soon nor too long after the interview',
    severity: 'info',
    fixable: false,
    scenarios: APPLIES_TO,
    tags: ['timing', 'front-matter'],
    options: {
      minHours: {
        type: 'number',
        default: 2,
        minimum: 0,
        maximum: 720,
        description: 'Fewest hours between the interview and sending. A note marked sent sooner is reported. 0 turns this check off.',
      },
      maxHours: {
        type: 'number',
        default: 48,
        minimum: 1,
        maximum: 720,
        description: 'Most hours a draft may stay unsent after the interview before it is reported. Set it below `minHours` and `minHours` wins for both.',
      },
    },
    sources: ['001', '002'],
    cheap: true,
  },
  ({ note, options, now, report }) => {
    const fm = note.frontMatter;
    if (!fm.interviewedAt) return; // no date, or not one (valid-front-matter reports that)
    const minHours = typeof options.minHours === 'number' && options.minHours >= 0 ? options.minHours : 2;
    const maxHours = Math.max(typeof options.maxHours === 'number' && options.maxHours > 0 ? options.maxHours : 48, minHours);
    const interview = bounds(fm.interviewed, fm.interviewedAt);
    const nowMs = now.getTime();
    if (!Number.isFinite(nowMs) || interview.lo > nowMs) return; // the interview has not happened yet

    const sent = fm.status === 'sent' || (fm.status === undefined && fm.sent !== undefined);
    if (sent) {
      // Too soon? Only when even the latest reading of `sent` is inside the minimum.
      if (!fm.sentAt || minHours === 0) return; // marked sent without a date: nothing to measure
      const at = bounds(fm.sent, fm.sentAt);
      const longest = at.hi - interview.lo;
      // Sent wholly before the interview: valid-front-matter's to report.
      const latestSent = at.dateOnly ? at.hi - 1 : at.hi;
      if (latestSent < interview.lo) return;
      if (longest >= minHours * HOUR) return;
      const span = spanOf(note, 'sent')!;
      let when: string;
      if (at.dateOnly || interview.dateOnly) {
        // Whole days apart, counted on the calendar.
        const days = Math.round((startOfDay(at.lo) - startOfDay(interview.lo)) / DAY);
        when = days === 0 ? 'on the day of the interview' : `${days === 1 ? 'the day' : `${days} days`} after the interview`;
      } else {
        when = `${formatDuration(at.lo - interview.lo)} after the interview`;
      }
      report({
        ...span,
        message: `This note went out ${when}, sooner than the ${formatHours(minHours)} the send window asks for; a note sent that fast can read as rushed, so give the next one a little time.`,
      });
      return;
    }

    // Still a draft: too late? Count from the latest the interview can have been.
    const elapsed = nowMs - interview.hi;
    if (elapsed <= maxHours * HOUR) return;
    const since = formatDuration(nowMs - interview.lo);
    const span = spanOf(note, 'status') ?? spanOf(note, 'interviewed')!;
    report({
      ...span,
      message: `The interview was ${interview.dateOnly ? 'about ' : ''}${since} ago and this note is still a draft; send it soon, since notes land best within ${formatHours(maxHours)} of the interview.`,
    });
  },
);
