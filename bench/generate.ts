/**
 * A deterministic generator of realistic follow-up notes for the benchmark:
 * the same seed always yields the same notes. Notes vary in scenario, channel,
 * greeting, length (100–400 words of body), Markdown features (lists, links,
 * emphasis, disable comments) and line endings, and about one in five carries
 * a typical flaw so the rules have findings and fixes to compute.
 */
import { SCENARIOS, type Scenario } from '../src/core/note';

/** mulberry32: small, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const chance = (rng: Rng, p: number) => rng() < p;
const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

const FIRST = ['Amara', 'Bruno', 'Celeste', 'Dmitri', 'Esme', 'Farid', 'Greer', 'Hiro', 'Ines', 'Jonas', 'Kalani', 'Leona', 'Mateo', 'Nadia', 'Oren', 'Paloma', 'Quentin', 'Rosa', 'Soren', 'Talia', 'Umar', 'Vera', 'Wes', 'Yara'];
const LAST = ['Abernathy', 'Brandt', 'Castillo', 'Dufresne', 'Eklund', 'Fairbairn', 'Gallo', 'Haddad', 'Iverson', 'Jablonski', 'Kowal', 'Lindgren', 'Moreau', 'Nakamura', 'Osei', 'Pereira', 'Quist', 'Romano', 'Sandoval', 'Thorne', 'Ueda', 'Valdez', 'Whitfield', 'Zielinski'];
const COMPANY_A = ['Harbor', 'Juniper', 'Copper', 'Lantern', 'Summit', 'Bluebird', 'Granite', 'Orchard', 'Meadow', 'Beacon', 'Cedar', 'Riverbend'];
const COMPANY_B = ['Analytics', 'Health', 'Logistics', 'Software', 'Foods', 'Energy', 'Labs', 'Insurance', 'Studios', 'Robotics', 'Partners', 'Outfitters'];

interface Field {
  roles: string[];
  topics: string[];
  strengths: string[];
}

const FIELDS: Field[] = [
  {
    roles: ['Data Analyst', 'Analytics Engineer', 'Business Intelligence Lead'],
    topics: ['the churn dashboard', 'the data warehouse migration', 'weekly revenue reporting', 'the pricing experiment', 'the forecasting model'],
    strengths: ['SQL and dbt', 'clear written summaries', 'experiment design', 'stakeholder interviews'],
  },
  {
    roles: ['Backend Engineer', 'Site Reliability Engineer', 'Platform Engineer'],
    topics: ['the on-call rotation', 'the move to managed databases', 'the deployment pipeline', 'the latency budget', 'the incident reviews'],
    strengths: ['distributed systems', 'careful code review', 'incident response', 'load testing'],
  },
  {
    roles: ['Product Designer', 'UX Researcher', 'Content Designer'],
    topics: ['the onboarding flow', 'the accessibility audit', 'the design system', 'the customer interviews', 'the mobile checkout'],
    strengths: ['usability testing', 'prototyping', 'plain-language writing', 'accessibility reviews'],
  },
  {
    roles: ['Nurse Educator', 'Clinic Manager', 'Care Coordinator'],
    topics: ['the discharge checklist', 'the new scheduling system', 'staff orientation', 'the patient feedback survey', 'the night-shift handover'],
    strengths: ['staff training', 'process improvement', 'patient communication', 'scheduling'],
  },
  {
    roles: ['Account Manager', 'Customer Success Manager', 'Sales Operations Analyst'],
    topics: ['the renewal playbook', 'the quarterly business reviews', 'the territory plan', 'the support backlog', 'the customer advisory board'],
    strengths: ['relationship building', 'renewal forecasting', 'negotiation', 'CRM hygiene'],
  },
];

const GREETINGS = [
  (first: string) => `Dear ${first},`,
  (first: string) => `Hi ${first},`,
  (first: string) => `Hello ${first},`,
  (_first: string, last: string) => `Dear Dr. ${last},`,
];
const CLOSINGS = ['Best regards,', 'Kind regards,', 'Many thanks,', 'Sincerely,', 'Warm regards,', 'All the best,'];

/** Slots: {role} {company} {topic} {topic2} {strength} {strength2} {day} {first}. Wording is ours. */
const OPENINGS = [
  'Thank you for taking the time to meet with me on {day} about the {role} position.',
  'Thanks again for the conversation on {day}; I enjoyed learning how {company} approaches {topic}.',
  'I appreciated the chance to talk with you on {day} and to hear more about the {role} role.',
  'Thank you for walking me through {topic} when we met on {day}.',
];
const DISCUSSION = [
  'Our discussion of {topic} stayed with me, especially the trade-off you described between speed and accuracy.',
  'When you mentioned {topic}, it reminded me of a similar project where we cut the turnaround time in half.',
  'I have been thinking about your question on {topic2} and wanted to add one point I left out.',
  'It was useful to hear that {topic} is the first priority for whoever joins the team.',
  'Your description of {topic2} made the day-to-day work of the role much clearer to me.',
  'I liked that the team reviews {topic} together every week instead of leaving it to one person.',
  'The example you gave about {topic2} showed me how much the team values careful follow-through.',
  'You were frank about what has not worked yet with {topic}, and I appreciated that.',
  'I came away with a few ideas about {topic2} that I would enjoy talking through with the team.',
  'Hearing how {topic} started as a side project and grew into a team effort was encouraging.',
  'Seeing the whiteboard sketch of {topic2} helped me picture where the role fits.',
  'The point you made about measuring {topic} by outcomes rather than activity was a good one.',
];
const FIT = [
  'In my current job I lean on {strength} every week, and I would bring the same habit to {company}.',
  'My background in {strength} and {strength2} seems a good match for what you described.',
  'I have used {strength} to solve problems much like the ones you described, and I enjoyed that work.',
  'Last year I led a small effort that depended on {strength}; it is the part of my work I am proudest of.',
  'I think {strength2} would help most during the first few months, while the team settles {topic}.',
  'Colleagues usually come to me for {strength2}, and I like being the person who untangles things.',
  'Most of my last two years went into {strength}, so the problems you listed felt familiar.',
  'I would expect {strength} to matter early on, since {topic2} is already under way.',
  'Outside of work I mentor two junior colleagues in {strength2}, which keeps my own skills honest.',
];
const DETAIL = [
  'For example, I rebuilt a monthly report so that it ran in minutes instead of a full afternoon.',
  'We kept a short written log of every decision, which made handovers much easier.',
  'I also enjoy teaching new colleagues, and I wrote most of our onboarding notes.',
  'That project taught me to check assumptions with the people doing the work before changing anything.',
  'I tend to start with a small pilot, measure it honestly, and only then expand it.',
  'The team I work with now is spread across three time zones, so I write things down carefully.',
  'One change I made there was simple: a shared checklist that everyone could edit.',
  'We shipped the first version in six weeks and spent the next two months listening to feedback.',
  'The hardest part was not the technical work but agreeing on what success would look like.',
  'By the end of the quarter the number of escalations had dropped by about a third.',
  'I learned a lot from a manager who insisted that every proposal fit on a single page.',
  'When something breaks, I would rather write a short honest summary than a long defensive one.',
  'I still keep the notes from that project, because they remind me how much small fixes add up.',
];
const INTEREST = [
  'I am very interested in the {role} role and would be glad to contribute to {company}.',
  'The conversation confirmed that I want this {role} position, and I hope to hear from you.',
  'I remain enthusiastic about joining {company} as a {role}.',
];
const CLOSERS = [
  'Please let me know if I can send anything else that would help.',
  'Thank you again for your time and for the thoughtful questions.',
  'I look forward to hearing about the next steps.',
  'If it would be useful, I am happy to share a short sample of that work.',
];
/** Typical flaws, so the rules have something to report and fix. */
const FLAWS = [
  'I really need this job, so please give me a chance.',
  'Could you tell me what the salary range for this position is?',
  'I am sorry to bother you again.',
  'Thank you for your time, [Name].',
  'I think I might be a good fit, but I am not sure.',
  'This is the the best team I have met!',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const LINKS = ['https://example.com/portfolio', 'https://example.org/case-study', 'https://example.net/talk'];

export interface GeneratedNote {
  name: string;
  text: string;
  words: number;
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? key);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

interface Person {
  first: string;
  last: string;
}

function frontMatter(rng: Rng, slots: Record<string, string>, to: Person, from: Person, scenario: Scenario, channel: string): string {
  const topics = [slots.topic, slots.topic2].map((t) => t.replace(/^the /, ''));
  const lines = [
    '---',
    `to: ${to.first} ${to.last}`,
    `company: ${slots.company}`,
    `role: ${slots.role}`,
    `interviewed: 2026-02-${String(between(rng, 10, 27)).padStart(2, '0')}T${String(between(rng, 9, 16)).padStart(2, '0')}:00`,
    `scenario: ${scenario}`,
    `channel: ${channel}`,
  ];
  if (channel === 'email') lines.push(`subject: ${slots.role} interview, a follow-up`);
  lines.push(`topics: [${topics.join(', ')}]`);
  lines.push(`strengths: [${slots.strength}, ${slots.strength2}]`);
  lines.push(`from: ${from.first} ${from.last}`);
  lines.push('---');
  return lines.join('\n');
}

/** One realistic note; `targetWords` is the body's approximate length. */
export function generateNote(rng: Rng, index: number, targetWords = between(rng, 100, 400)): GeneratedNote {
  const field = pick(rng, FIELDS);
  const to: Person = { first: pick(rng, FIRST), last: pick(rng, LAST) };
  const from: Person = { first: pick(rng, FIRST), last: pick(rng, LAST) };
  const [topic, topic2] = shuffled(rng, field.topics);
  const [strength, strength2] = shuffled(rng, field.strengths);
  const slots: Record<string, string> = {
    role: pick(rng, field.roles),
    company: `${pick(rng, COMPANY_A)} ${pick(rng, COMPANY_B)}`,
    topic,
    topic2,
    strength,
    strength2,
    day: pick(rng, DAYS),
    first: to.first,
  };
  const scenario: Scenario = chance(rng, 0.6) ? 'after-interview' : pick(rng, SCENARIOS);
  const channel = chance(rng, 0.8) ? 'email' : pick(rng, ['handwritten', 'linkedin']);

  const paragraphs: string[] = [pick(rng, GREETINGS)(to.first, to.last)];
  const tail = [fill(pick(rng, INTEREST), slots), fill(pick(rng, CLOSERS), slots)];
  const tailWords = countWords(tail.join(' ')) + 3;
  const limit = Math.max(targetWords, 114);
  // Sentences are drawn without repeats (a pool refills only when exhausted).
  const draw = drawer(rng, [...DISCUSSION, ...FIT, ...DETAIL]);
  const body: string[][] = [[fill(pick(rng, OPENINGS), slots)]];
  let words = tailWords + countWords(body[0][0]);
  /** Add a sentence when it still fits under the target; report whether it did. */
  const add = (paragraph: string[], sentence: string): boolean => {
    const n = countWords(sentence);
    if (words + n > limit) return false;
    paragraph.push(sentence);
    words += n;
    return true;
  };
  add(body[0], fill(draw(), slots));
  let misses = 0;
  while (misses < 4 && words < limit - 8) {
    const paragraph: string[] = [];
    const size = between(rng, 2, 4);
    for (let i = 0; i < size && misses < 4; i++) misses = add(paragraph, fill(draw(), slots)) ? 0 : misses + 1;
    if (!paragraph.length) break;
    if (chance(rng, 0.15)) add(paragraph, `I put a short write-up of that work [online](${pick(rng, LINKS)}).`);
    if (chance(rng, 0.1)) paragraph[0] = paragraph[0].replace(/\b(weekly|carefully|first)\b/, '*$1*');
    body.push(paragraph);
  }
  if (chance(rng, 0.2)) add(pick(rng, body), pick(rng, FLAWS));
  for (const paragraph of body) paragraphs.push(paragraph.join(' '));
  const list = `A few things I would start with:\n\n- ${slots.topic}\n- ${slots.topic2}\n- a short review of ${slots.strength}`;
  if (chance(rng, 0.15) && words + countWords(list) <= limit) {
    paragraphs.push(list);
    words += countWords(list);
  }
  if (chance(rng, 0.05)) paragraphs.push('<!-- note-coach-disable-next-line limit-exclamations -->');
  paragraphs.push(tail.join(' '));
  paragraphs.push(`${pick(rng, CLOSINGS)}\n${from.first} ${from.last}`);

  let text = `${frontMatter(rng, slots, to, from, scenario, channel)}\n\n${paragraphs.join('\n\n')}\n`;
  if (chance(rng, 0.05)) text = text.replace(/\n/g, '\r\n');
  return { name: `generated-${String(index).padStart(3, '0')}.note.md`, text, words: countWords(paragraphs.join(' ')) };
}

/** `count` notes from one seed. */
export function generateNotes(count: number, seed = 20260302): GeneratedNote[] {
  const rng = prng(seed);
  return Array.from({ length: count }, (_, i) => generateNote(rng, i));
}

/**
 * A note of at least `bytes` UTF-8 bytes for the scale benchmark: one front
 * matter and greeting, then paragraphs from the generator until it is big
 * enough, then the sign-off — a long but plausible document.
 */
export function generateLargeNote(bytes: number, seed = 7): string {
  const rng = prng(seed);
  const head = generateNote(rng, 0, 100).text.replace(/\r\n/g, '\n');
  // Front matter and greeting are the first two blocks.
  const parts: string[] = [head.split('\n\n').slice(0, 2).join('\n\n')];
  let size = Buffer.byteLength(parts[0]);
  const signOff = '\n\nBest regards,\nSam Rivera\n';
  while (size + signOff.length < bytes) {
    const note = generateNote(rng, 0, 120).text.replace(/\r\n/g, '\n');
    // The body paragraphs only: drop front matter, greeting and sign-off.
    const body = note.split('\n\n').slice(2, -1);
    for (const paragraph of body) {
      if (size + signOff.length >= bytes) break;
      parts.push(paragraph);
      size += Buffer.byteLength(paragraph) + 2;
    }
  }
  return `${parts.join('\n\n')}${signOff}`;
}

/** Picks from `list` without repeats until every item was used, then starts over. */
function drawer<T>(rng: Rng, list: readonly T[]): () => T {
  let bag: T[] = [];
  return () => {
    if (!bag.length) bag = shuffled(rng, list);
    return bag.pop()!;
  };
}

function shuffled<T>(rng: Rng, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
