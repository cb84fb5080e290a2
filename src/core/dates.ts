/**
 * Dates in front matter: `2026-11-20`, `2026-11-20 14:30`, `2026-11-20T14:30`,
 * full ISO 8601. A date without a time means local midnight of that day.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseDate(value: string): Date | undefined {
  const m = DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const hours = h === undefined ? 0 : Number(h);
  const minutes = mi === undefined ? 0 : Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  let date: Date;
  if (zone) {
    const iso = `${y}-${mo}-${d}T${String(hours).padStart(2, '0')}:${mi}:${String(seconds).padStart(2, '0')}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
    date = new Date(iso);
  } else {
    date = new Date(year, month - 1, day, hours, minutes, seconds);
  }
  if (Number.isNaN(date.getTime())) return undefined;
  // Reject 2026-02-31 and the like, which Date silently rolls over.
  if (!zone && (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day)) return undefined;
  return date;
}

/** Today as `YYYY-MM-DD` in local time. */
export function isoDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}
