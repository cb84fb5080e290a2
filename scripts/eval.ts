/**
 * `npm run eval [corpus-folder] [--verbose] [--json] [--rule id]`: scores the analyzer on a
 * labelled corpus of real notes (the format of ../shared/corpus: `notes/*.txt` and
 * `labels.json`, see that folder's README).
 *
 * Each note is analysed as a new user would: its text as published, behind a front matter
 * holding only the labelled `scenario` (left out when it is not one of ours). Then:
 * - recall per label and overall: a label is found when a rule that maps to it reports
 *   anything on that note;
 * - tone and substance recall: every label except the structure and spelling ones;
 * - per rule: how often it fired, how often a label of its note explains it, and the rest;
 * - warnings (and errors) that no label of their note explains, and any on a note labelled clean.
 *
 * A development tool: nothing in `npm test` reads the corpus, and no test asserts its scores.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyze, defaults, SCENARIOS, type Finding } from '../src/core/index';
import { loadDictionary } from '../src/core/spelling/dictionary';
import { registerNodeDictionaryLoader } from '../src/node/dictionary';

/** The corpus README's table: label → the rules that report it. */
export const LABEL_RULES: Readonly<Record<string, readonly string[]>> = {
  'generic-no-specifics': ['no-generic-note'],
  'thanks-only-no-followup': ['no-thanks-only'],
  'asks-salary-benefits': ['no-compensation-talk'],
  'needy-desperate-tone': ['no-needy-tone'],
  'over-flattery': ['no-over-flattery'],
  'arrogant-tone': ['no-arrogance'],
  'excessive-apology': ['no-over-apology'],
  're-argues-rejection': ['rejection-no-reargue'],
  'negative-about-others': ['no-negativity'],
  'too-long': ['max-length'],
  'resume-rehash': ['no-resume-rehash'],
  'unfilled-placeholder': ['no-unfilled-placeholder'],
  'missing-greeting': ['require-greeting'],
  'missing-signoff': ['require-sign-off'],
  'missing-enthusiasm': ['require-interest'],
  'gift-or-bribe': ['no-gifts'],
  'pushes-for-meeting': ['no-pressure'],
  typos: ['spelling', 'no-repeated-words', 'capitalization'],
};

/** Labels about form, not about what the note says (left out of the tone-and-substance score). */
const STRUCTURE_LABELS = new Set(['missing-greeting', 'missing-signoff', 'unfilled-placeholder', 'typos', 'too-long']);

/** The structure rules issue 12 holds to zero unexplained warnings. */
const STRUCTURE_RULES = new Set(['require-greeting', 'require-sign-off', 'max-length', 'greeting-matches-recipient', 'email-subject']);

interface LabelEntry {
  scenario: string;
  presented_as?: string;
  labels: string[];
  why?: string;
}

interface NoteResult {
  file: string;
  labels: string[];
  findings: Finding[];
  /** The analysed text (front matter + note) and how many characters the front matter added. */
  text: string;
  offset: number;
  found: string[];
  missed: string[];
  unexplained: Finding[];
}

const EVAL_NOW = new Date('2026-03-02T12:00:00');

function parseArgs(argv: string[]): { corpus: string; verbose: boolean; json: boolean; rule?: string } {
  let corpus: string | undefined;
  let verbose = false;
  let json = false;
  let rule: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg === '--json') json = true;
    else if (arg === '--rule') rule = argv[++i];
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('Usage: npm run eval -- [corpus-folder] [--verbose] [--json] [--rule id]\n');
      process.exit(0);
    } else if (arg.startsWith('-')) {
      process.stderr.write(`eval: unknown option ${arg}\n`);
      process.exit(2);
    } else corpus = arg;
  }
  const root = path.resolve(__dirname, '..');
  corpus ??= path.resolve(root, '..', 'shared', 'corpus');
  return { corpus: path.resolve(corpus), verbose, json, rule };
}

function isWarningOrWorse(finding: Finding): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

export function wrap(text: string, scenario: string): { text: string; offset: number } {
  const header = (SCENARIOS as readonly string[]).includes(scenario) ? `---\nscenario: ${scenario}\n---\n` : '';
  return { text: header + text, offset: header.length };
}

export function explains(labels: readonly string[], ruleId: string): boolean {
  return labels.some((label) => LABEL_RULES[label]?.includes(ruleId));
}

function scoreNote(file: string, text: string, entry: LabelEntry): NoteResult {
  const wrapped = wrap(text, entry.scenario);
  const { findings } = analyze(wrapped.text, { config: defaults(), now: EVAL_NOW, file });
  const found: string[] = [];
  const missed: string[] = [];
  for (const label of entry.labels) {
    const rules = LABEL_RULES[label] ?? [];
    if (findings.some((f) => rules.includes(f.ruleId))) found.push(label);
    else missed.push(label);
  }
  const unexplained = findings.filter((f) => isWarningOrWorse(f) && !explains(entry.labels, f.ruleId));
  return { file, labels: entry.labels, findings, text: wrapped.text, offset: wrapped.offset, found, missed, unexplained };
}

/** The line of the analysed text a finding starts on, as the note's own line number and text. */
function lineOf(result: NoteResult, finding: Finding): string {
  const lines = result.text.split(/\r\n|\r|\n/);
  const headerLines = result.offset ? 3 : 0;
  const line = lines[finding.line - 1] ?? '';
  const shown = line.length > 110 ? `${line.slice(0, 107)}...` : line;
  return `line ${finding.line - headerLines}: ${shown.trim()}`;
}

function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(0)} %` : '-';
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const labelsFile = path.join(options.corpus, 'labels.json');
  if (!fs.existsSync(labelsFile)) {
    process.stderr.write(`eval: no labelled corpus at ${options.corpus} (expected labels.json and notes/). Pass its folder as an argument.\n`);
    process.exit(2);
  }
  const labels = JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as Record<string, LabelEntry>;
  registerNodeDictionaryLoader();
  await loadDictionary(defaults().dictionary);

  const results: NoteResult[] = [];
  for (const [file, entry] of Object.entries(labels)) {
    const notePath = path.join(options.corpus, 'notes', file);
    if (!fs.existsSync(notePath)) {
      process.stderr.write(`eval: ${file} is labelled but not in notes/; skipped.\n`);
      continue;
    }
    results.push(scoreNote(file, fs.readFileSync(notePath, 'utf8'), entry));
  }

  // Recall per label.
  const perLabel = new Map<string, { total: number; found: number }>();
  for (const result of results) {
    for (const label of result.labels) {
      const row = perLabel.get(label) ?? { total: 0, found: 0 };
      row.total++;
      if (result.found.includes(label)) row.found++;
      perLabel.set(label, row);
    }
  }
  let total = 0;
  let found = 0;
  let toneTotal = 0;
  let toneFound = 0;
  for (const [label, row] of perLabel) {
    total += row.total;
    found += row.found;
    if (!STRUCTURE_LABELS.has(label)) {
      toneTotal += row.total;
      toneFound += row.found;
    }
  }

  // Per rule: fired, explained, unexplained (warnings and errors; info listed apart).
  const perRule = new Map<string, { fired: number; explained: number; unexplained: number; info: number }>();
  for (const result of results) {
    for (const finding of result.findings) {
      const row = perRule.get(finding.ruleId) ?? { fired: 0, explained: 0, unexplained: 0, info: 0 };
      row.fired++;
      if (explains(result.labels, finding.ruleId)) row.explained++;
      else if (isWarningOrWorse(finding)) row.unexplained++;
      else row.info++;
      perRule.set(finding.ruleId, row);
    }
  }
  const unexplained = results.reduce((sum, r) => sum + r.unexplained.length, 0);
  const structureUnexplained = results.reduce((sum, r) => sum + r.unexplained.filter((f) => STRUCTURE_RULES.has(f.ruleId)).length, 0);
  const clean = results.filter((r) => r.labels.length === 0);
  const onClean = clean.reduce((sum, r) => sum + r.findings.filter(isWarningOrWorse).length, 0);

  const summary = {
    corpus: options.corpus,
    notes: results.length,
    recall: { found, total },
    toneAndSubstance: { found: toneFound, total: toneTotal },
    unexplainedWarnings: unexplained,
    unexplainedStructureWarnings: structureUnexplained,
    warningsOnCleanNotes: onClean,
    cleanNotes: clean.length,
    perLabel: Object.fromEntries([...perLabel].sort()),
    perRule: Object.fromEntries([...perRule].sort()),
  };
  if (options.json) {
    const notes = results.map((r) => ({
      file: r.file,
      labels: r.labels,
      found: r.found,
      missed: r.missed,
      findings: r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, line: f.line - (r.offset ? 3 : 0), message: f.message })),
    }));
    process.stdout.write(`${JSON.stringify({ ...summary, notes }, null, 2)}\n`);
    return;
  }

  const out: string[] = [];
  out.push(`Corpus: ${options.corpus} (${results.length} notes, ${clean.length} labelled clean)`);
  out.push('');
  out.push(`Recall, overall:           ${found} of ${total} (${percent(found, total)})`);
  out.push(`Recall, tone and substance: ${toneFound} of ${toneTotal} (${percent(toneFound, toneTotal)})`);
  out.push(`Warnings no label explains: ${unexplained} (structure rules: ${structureUnexplained})`);
  out.push(`Warnings on clean notes:    ${onClean}`);
  out.push('');
  out.push('label                      found / total');
  for (const [label, row] of [...perLabel].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]))) {
    const kind = STRUCTURE_LABELS.has(label) ? '' : ' *';
    out.push(`  ${(label + kind).padEnd(26)} ${String(row.found).padStart(3)} / ${String(row.total).padEnd(3)} ${percent(row.found, row.total)}`);
  }
  out.push('  (* tone and substance)');
  out.push('');
  out.push('rule                          fired  explained  unexplained  info');
  for (const [rule, row] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(`  ${rule.padEnd(28)} ${String(row.fired).padStart(5)}  ${String(row.explained).padStart(9)}  ${String(row.unexplained).padStart(11)}  ${String(row.info).padStart(4)}`);
  }
  if (unexplained) {
    out.push('');
    out.push('Unexplained warnings:');
    for (const result of results) {
      for (const finding of result.unexplained) {
        if (options.rule && finding.ruleId !== options.rule) continue;
        out.push(`  ${result.file} ${finding.ruleId}: ${lineOf(result, finding)}`);
      }
    }
  }
  if (options.verbose) {
    out.push('');
    out.push('Per note:');
    for (const result of results) {
      out.push(`  ${result.file}  labels: ${result.labels.join(', ') || '(clean)'}`);
      for (const label of result.missed) out.push(`    missed ${label}`);
      for (const finding of result.findings) {
        if (options.rule && finding.ruleId !== options.rule) continue;
        const mark = explains(result.labels, finding.ruleId) ? 'hit   ' : isWarningOrWorse(finding) ? 'FALSE ' : 'info  ';
        out.push(`    ${mark}${finding.ruleId} (${finding.severity}) ${lineOf(result, finding)}`);
        out.push(`          ${finding.message}`);
      }
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`eval: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(2);
});
