/**
 * The workspace case of the benchmark: 1,000 generated notes across 100
 * companies, as a job seeker's folder would hold them after a long search
 * (several notes per company, one per interviewer; some copied from each other
 * with the name swapped, a few with another note's company or recipient left
 * behind).
 *
 *   npx tsx bench/workspace.ts            a table
 *   npx tsx bench/workspace.ts --json     one JSON object
 *   npx tsx bench/workspace.ts --quick    fewer edit repetitions
 *
 * Measures:
 * - buildMs: the index build alone (parse every note into the NoteIndex);
 * - checkMs: the first full check, every note analysed (all rules) with the
 *   others as its workspace, on top of the build; `workspaceRulesCheckMs` is
 *   the part of it spent in the three workspace rules (measured separately);
 * - editP50Ms / editP95Ms: one edited note re-set in the index and analysed
 *   (all rules) against the workspace, over many repetitions.
 * Targets: build < 2 s, one edit < 20 ms.
 */
import { performance } from 'node:perf_hooks';
import { analyze, defaults, NoteIndex } from '../src/core/index';
import { loadDictionary } from '../src/core/spelling/dictionary';
import { registerNodeDictionaryLoader } from '../src/node/dictionary';
import { prng } from './generate';

const NOW = new Date(2026, 2, 2, 12, 0, 0);
const WORKSPACE_RULES = ['no-duplicate-note', 'no-wrong-company', 'no-wrong-recipient'];

export interface WorkspaceBenchResult {
  notes: number;
  companies: number;
  /** Parse every note into the index. */
  buildMs: number;
  /** Analyse every note (all rules) with the others as workspace, after the build. */
  checkMs: number;
  /** The same pass with only the three workspace rules. */
  workspaceRulesCheckMs: number;
  /** One edit: re-set the note in the index and analyse it (all rules) with the workspace. */
  editP50Ms: number;
  editP95Ms: number;
  /** One edit with only the workspace rules (what they add to an edit). */
  editWorkspaceRulesP50Ms: number;
  editWorkspaceRulesP95Ms: number;
  edits: number;
  /** Findings of the workspace rules in the first full check, by rule. */
  findings: Record<string, number>;
}

// ---------------------------------------------------------------------------
// Generated notes (deterministic)

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];

const FIRST = ['Amara', 'Bruno', 'Celeste', 'Dmitri', 'Esme', 'Farid', 'Greer', 'Hiro', 'Ines', 'Jonas', 'Kalani', 'Leona', 'Mateo', 'Nadia', 'Oren', 'Paloma', 'Quentin', 'Rosa', 'Soren', 'Talia', 'Umar', 'Vera', 'Wes', 'Yara', 'Zeno', 'Ayla', 'Bram', 'Cora'];
const LAST = ['Abernathy', 'Brandt', 'Castillo', 'Dufresne', 'Eklund', 'Fairbairn', 'Gallo', 'Haddad', 'Iverson', 'Jablonski', 'Kowal', 'Lindgren', 'Moreau', 'Nakamura', 'Osei', 'Pereira', 'Quist', 'Romano', 'Sandoval', 'Thorne', 'Ueda', 'Valdez', 'Whitfield', 'Zielinski'];
const COMPANY_A = ['Harbor', 'Juniper', 'Copper', 'Lantern', 'Summit', 'Bluebird', 'Granite', 'Orchard', 'Meadow', 'Beacon', 'Cedar', 'Riverbend', 'Foxglove', 'Ironwood', 'Larkspur', 'Saltmarsh'];
const COMPANY_B = ['Analytics', 'Health', 'Logistics', 'Software', 'Foods', 'Energy', 'Labs', 'Insurance', 'Studios', 'Robotics', 'Partners', 'Outfitters'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const ADJECTIVES = ['hand-drawn', 'colour-coded', 'half-finished', 'surprisingly simple', 'well-worn', 'brand-new', 'shared', 'weekly', 'printed', 'improvised'];
const OBJECTS = ['wall chart', 'tracking sheet', 'whiteboard map', 'checklist', 'prototype', 'dashboard', 'runbook', 'feedback board', 'planning grid', 'status page'];
const PLACES = ['in the meeting room', 'on your laptop', 'at the end of the tour', 'during the coffee break', 'on the second floor', 'in the team channel'];
const CLAIMS = [
  'most problems are found by the people closest to the work',
  'a small change shipped this week beats a big one next quarter',
  'nobody reads a report that takes more than a minute',
  'the first version should be embarrassing',
  'good handovers are written for a tired reader',
  'every number needs an owner',
  'the quiet customers are the ones who leave',
  'training matters more than tooling',
];
const UNITS = ['requests', 'orders', 'tickets', 'appointments', 'shipments', 'reviews'];

interface Field {
  roles: string[];
  topics: string[];
  details: string[];
  experience: string[];
}

const FIELDS: Field[] = [
  {
    roles: ['Data Analyst', 'Analytics Engineer', 'Business Intelligence Lead'],
    topics: ['the churn dashboard', 'the data warehouse migration', 'weekly revenue reporting', 'the pricing experiment', 'the forecasting model', 'the data quality checks'],
    details: ['how late the numbers arrive for the people who need them', 'the gap between the finance view and the product view', 'how many reports nobody opens any more', 'the choice between a fast answer and a careful one'],
    experience: ['the daily summary I built for our sales leads, which replaced four separate spreadsheets', 'the test plan I wrote for a pricing change that saved us from a costly mistake', 'the data checks I added to our nightly load, which caught most errors before anyone saw them'],
  },
  {
    roles: ['Backend Engineer', 'Site Reliability Engineer', 'Platform Engineer'],
    topics: ['the on-call rotation', 'the move to managed databases', 'the deployment pipeline', 'the latency budget', 'the incident reviews', 'the service catalogue'],
    details: ['how often the same alert wakes the same person', 'the week-long freeze before every release', 'how slow pages hide behind a good average', 'who owns a service once its author moves on'],
    experience: ['the alert budget we set up last year, which halved night pages within a quarter', 'the release checklist I automated, which took deploys from an afternoon to twenty minutes', 'the blameless review format I introduced, which people actually looked forward to'],
  },
  {
    roles: ['Product Designer', 'UX Researcher', 'Content Designer'],
    topics: ['the onboarding flow', 'the accessibility audit', 'the design system', 'the customer interviews', 'the mobile checkout', 'the help centre'],
    details: ['the step where most new users give up', 'the screen reader problems that no chart had shown', 'the components that drifted apart over two years', 'how hard it is to recruit people who left'],
    experience: ['the monthly testing sessions I run with real customers, which changed what we build next', 'the plain-language guide I wrote for our support articles, which cut repeat tickets', 'the audit I led on our sign-up form, which fixed a dozen barriers in a month'],
  },
  {
    roles: ['Clinic Manager', 'Care Coordinator', 'Nurse Educator'],
    topics: ['the new scheduling system', 'staff orientation', 'the discharge checklist', 'the patient feedback survey', 'the night-shift handover', 'the waiting room'],
    details: ['how many patients still prefer to call', 'the first week that new nurses find hardest', 'the questions patients ask after they get home', 'what gets lost between the evening and the night team'],
    experience: ['the switch to online booking I led at my clinic, which cut no-shows by a third', 'the buddy system I set up for new staff, which kept more of them past their first year', 'the handover sheet I designed with the night team, which everyone still uses'],
  },
];

interface Company {
  name: string;
  field: Field;
  role: string;
  from: string;
  notes: number;
}

interface GeneratedNote {
  file: string;
  text: string;
}

function person(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const name = `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** 1,000 notes across 100 companies, 4–16 notes each (several interviewers, some copies). */
export function generateWorkspace(seed = 20260302, companies = 100, total = 1000): GeneratedNote[] {
  const rng = prng(seed);
  const names = COMPANY_A.flatMap((a) => COMPANY_B.map((b) => `${a} ${b}`));
  // Shuffle deterministically and keep the first `companies`.
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [names[i], names[j]] = [names[j], names[i]];
  }
  const list: Company[] = names.slice(0, companies).map((name) => {
    const field = pick(rng, FIELDS);
    return { name, field, role: pick(rng, field.roles), from: `${pick(rng, FIRST)} ${pick(rng, LAST)}`, notes: 4 };
  });
  // Spread the remaining notes unevenly (up to 16 per company).
  let left = total - companies * 4;
  while (left > 0) {
    const company = pick(rng, list);
    if (company.notes >= 16) continue;
    company.notes++;
    left--;
  }

  const notes: GeneratedNote[] = [];
  for (const company of list) {
    const taken = new Set<string>();
    const written: { to: string; body: string; topic: string }[] = [];
    for (let n = 0; n < company.notes; n++) {
      const to = person(rng, taken);
      const first = to.split(' ')[0];
      const day = pick(rng, DAYS);
      const topic = pick(rng, company.field.topics);
      const roll = rng();
      let body: string;
      if (written.length > 0 && roll < 0.08) {
        // A copy with the name swapped.
        const source = pick(rng, written);
        body = source.body.split(source.to.split(' ')[0]).join(first);
      } else {
        const paragraphs = [
          pick(rng, [
            `Thank you for taking the time to meet with me on ${day} about the ${company.role} role.`,
            `Thank you for ${day}'s conversation about the ${company.role} position.`,
            `I appreciated the time you spent with me on ${day}.`,
          ]),
          `${pick(rng, [`I keep thinking about ${topic}, especially ${pick(rng, company.field.details)}.`, `Your question about ${topic} stayed with me on the way home, in particular ${pick(rng, company.field.details)}.`, `Hearing how your team handles ${topic} was the highlight of my visit.`])} ${pick(rng, ['It reminded me of', 'It made me think of', 'I would build on'])} ${pick(rng, company.field.experience)}.`,
        ];
        // What makes each note its own: details of this conversation.
        const specifics = [
          `You mentioned that a team of ${3 + Math.floor(rng() * 20)} handles about ${(2 + Math.floor(rng() * 40)) * 50} ${pick(rng, UNITS)} a week, and I would like to understand where the time goes.`,
          `The ${pick(rng, ADJECTIVES)} ${pick(rng, OBJECTS)} you showed me ${pick(rng, PLACES)} is something I have not seen done so well before.`,
          `I liked your point that ${pick(rng, CLAIMS)}.`,
        ];
        for (let i = specifics.length - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          [specifics[i], specifics[j]] = [specifics[j], specifics[i]];
        }
        paragraphs.push(specifics.slice(0, 1 + Math.floor(rng() * 2)).join(' '));
        if (rng() < 0.5) paragraphs.push(`I would be glad to share a short outline of how I would approach ${topic} in my first months.`);
        let closing = `I remain very interested in the ${company.role} role at ${company.name} and hope to hear from you soon.`;
        if (roll > 0.97 && notes.length > 0) {
          // Another company's name left behind.
          const other = notes[Math.floor(rng() * notes.length)].text.match(/^company: (.*)$/m)?.[1] ?? company.name;
          closing = `I would love to join the team at ${other} and hope to hear from you soon.`;
        } else if (roll > 0.94 && written.length > 0) {
          // Another interviewer addressed by name.
          closing += ` Thank you again, ${pick(rng, written).to.split(' ')[0]}.`;
        }
        paragraphs.push(closing);
        body = paragraphs.join('\n\n');
      }
      written.push({ to, body, topic });
      const text = [
        '---',
        `to: ${to}`,
        `company: ${company.name}`,
        `role: ${company.role}`,
        `interviewed: 2026-02-${String(10 + Math.floor(rng() * 15)).padStart(2, '0')} 10:00`,
        `scenario: ${company.notes > 4 ? 'panel' : 'after-interview'}`,
        `topics: [${topic}]`,
        `from: ${company.from}`,
        `subject: ${company.role} interview and ${topic}`,
        'status: sent',
        '---',
        '',
        `${pick(rng, ['Dear', 'Hi', 'Hello'])} ${first},`,
        '',
        body,
        '',
        pick(rng, ['Best regards,', 'Kind regards,', 'With thanks,']),
        company.from,
        '',
      ].join('\n');
      notes.push({ file: `notes/${slug(company.name)}/${slug(to)}.note.md`, text });
    }
  }
  return notes;
}

// ---------------------------------------------------------------------------
// Timing

/** The p-th percentile of sorted samples, interpolated. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

const round = (ms: number) => Number(ms.toFixed(3));

export async function benchWorkspace(options: { edits?: number; seed?: number } = {}): Promise<WorkspaceBenchResult> {
  registerNodeDictionaryLoader();
  await loadDictionary('en-US');
  const config = defaults();
  const generated = generateWorkspace(options.seed);
  const companies = new Set(generated.map((n) => n.text.match(/^company: (.*)$/m)?.[1])).size;

  // Warm up (JIT, lazy caches) on other generated notes, as bench.ts runs every tool warm.
  {
    const warm = new NoteIndex();
    for (const n of generateWorkspace((options.seed ?? 20260302) + 1, 20, 200)) warm.set(n.file, n.text);
    for (const file of warm.files()) analyze(warm.get(file)!.note, { config, now: NOW, file, workspace: warm.others(file) });
  }

  // 1. Index build: parse every note.
  const index = new NoteIndex();
  let started = performance.now();
  for (const n of generated) index.set(n.file, n.text);
  const buildMs = performance.now() - started;

  // 2. First full check: every note against the others (all rules). Workspace-rule features are derived here.
  const findings: Record<string, number> = Object.fromEntries(WORKSPACE_RULES.map((id) => [id, 0]));
  started = performance.now();
  for (const file of index.files()) {
    for (const f of analyze(index.get(file)!.note, { config, now: NOW, file, workspace: index.others(file) }).findings) {
      if (f.ruleId in findings) findings[f.ruleId]++;
    }
  }
  const checkMs = performance.now() - started;

  // The workspace rules alone, on a fresh index (cold caches, as in the first check).
  const fresh = new NoteIndex();
  for (const n of generated) fresh.set(n.file, n.text);
  started = performance.now();
  for (const file of fresh.files()) analyze(fresh.get(file)!.note, { config, now: NOW, file, workspace: fresh.others(file), only: WORKSPACE_RULES });
  const workspaceRulesCheckMs = performance.now() - started;

  // 3. One edit at a time: change a sentence, re-set the note, check it against the workspace.
  const edits = options.edits ?? 300;
  const rng = prng(7);
  const files = index.files();
  const timeEdits = (only?: string[]) => {
    const samples: number[] = [];
    for (let i = 0; i < edits + 20; i++) {
      const file = pick(rng, files);
      const old = index.get(file)!.text;
      const text = old.replace(/hope to hear from you soon\.|$/, (m) => (m ? `hope to hear from you soon (edit ${i}).` : ''));
      const t0 = performance.now();
      const entry = index.set(file, text === old ? `${old}\nEdit ${i}.\n` : text);
      analyze(entry.note, { config, now: NOW, file, workspace: index.others(file), only });
      const ms = performance.now() - t0;
      if (i >= 20) samples.push(ms);
    }
    return samples.sort((a, b) => a - b);
  };
  const all = timeEdits();
  const workspaceOnly = timeEdits(WORKSPACE_RULES);

  return {
    notes: generated.length,
    companies,
    buildMs: round(buildMs),
    checkMs: round(checkMs),
    workspaceRulesCheckMs: round(workspaceRulesCheckMs),
    editP50Ms: round(percentile(all, 50)),
    editP95Ms: round(percentile(all, 95)),
    editWorkspaceRulesP50Ms: round(percentile(workspaceOnly, 50)),
    editWorkspaceRulesP95Ms: round(percentile(workspaceOnly, 95)),
    edits,
    findings,
  };
}

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const result = await benchWorkspace({ edits: args.has('--quick') ? 60 : 300 });
  if (args.has('--json')) {
    process.stdout.write(`${JSON.stringify({ workspace: result }, null, 2)}\n`);
    return;
  }
  const ok = (value: number, limit: number) => (value < limit ? 'ok' : 'OVER');
  const lines = [
    `Workspace: ${result.notes} notes across ${result.companies} companies`,
    `  index build (parse all)           ${result.buildMs.toFixed(1).padStart(9)} ms   target < 2000 ms  ${ok(result.buildMs, 2000)}`,
    `  first full check (all rules)      ${result.checkMs.toFixed(1).padStart(9)} ms`,
    `    of which workspace rules        ${result.workspaceRulesCheckMs.toFixed(1).padStart(9)} ms`,
    `  build + first full check          ${(result.buildMs + result.checkMs).toFixed(1).padStart(9)} ms`,
    `  one edit, all rules     p50 ${result.editP50Ms.toFixed(2).padStart(7)} ms  p95 ${result.editP95Ms.toFixed(2).padStart(7)} ms   target < 20 ms  ${ok(result.editP95Ms, 20)}`,
    `  one edit, workspace rules p50 ${result.editWorkspaceRulesP50Ms.toFixed(2).padStart(5)} ms  p95 ${result.editWorkspaceRulesP95Ms.toFixed(2).padStart(7)} ms`,
    `  (${result.edits} edits; findings in the first check: ${Object.entries(result.findings).map(([id, n]) => `${id} ${n}`).join(', ')})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// Run on its own (`npx tsx bench/workspace.ts`), not when bench.ts imports it (bundled or not).
if (/(^|[\\/])workspace(\.[cm]?[jt]s)?$/.test(process.argv[1] ?? '')) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}
