/**
 * The command line: `note-coach [files | folders | globs…] [options]`.
 *
 * `run(argv, io)` does everything and returns the exit code, so tests call it
 * in-process; the bin entry at the bottom only wires it to the real process.
 * Exit codes: 0 clean, 1 error-level findings (or too many warnings),
 * 2 bad usage or input that could not be checked.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, fixAll, NoteIndex, type AnalyzeOptions, type Finding } from '../core/index';
import type { ResolvedConfig } from '../core/config';
import { defaultDictionaryStore, loadDictionary } from '../core/spelling/dictionary';
import { registerNodeDictionaryLoader } from '../node/dictionary';
import { eolOf } from '../core/text';
import { ConfigLoader } from './config';
import { expandArgument, locate, readNote, writeNote } from './files';
import { count, escapeControl, formatJson, formatSummary, formatText, useColor, type FileResult } from './format';
import packageJson from '../../package.json';

export interface Writer {
  write(chunk: string): unknown;
}

export interface Io {
  stdout: Writer;
  stderr: Writer;
  /** The folder relative paths and the default target are resolved against. */
  cwd: string;
  /** Whether stdout is a terminal (grouped, aligned, colored output). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export const USAGE = `Usage: note-coach [files | folders | globs...] [options]

Checks interview follow-up notes (*.note.md). A folder means every *.note.md
under it (node_modules and dot-folders skipped); no argument means the current
folder. Quote globs so the shell leaves them alone: note-coach "notes/**/*.note.md"

Options:
  --format text|json   Output format (default: text). json prints one array.
  --fix                Apply the safe fixes to the files, then report what is left.
  --config FILE        Use this configuration instead of the nearest .notecoach.json.
  --max-warnings N     Exit with 1 when there are more than N warnings.
  --now ISO-DATE       The time that time-based rules compare with (default: now).
  -h, --help           Show this help.
  -v, --version        Show the version.

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings),
2 bad usage or a file or configuration that could not be read.
`;

interface Options {
  targets: string[];
  format: 'text' | 'json';
  fix: boolean;
  config?: string;
  maxWarnings?: number;
  now?: Date;
}

class UsageError extends Error {}

function parseCommandLine(argv: readonly string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        fix: { type: 'boolean' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be "text" or "json", not "${format}".`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    maxWarnings = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (raw.trim() === '-1') maxWarnings = undefined;
    else if (!Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings must be a whole number (0 or more), not "${raw}".`);
  }
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(values.now);
    if (!values.now.trim() || Number.isNaN(now.getTime())) throw new UsageError(`--now must be a date such as 2026-03-02T12:00, not "${values.now}".`);
  }
  if (values.config !== undefined && !values.config.trim()) throw new UsageError('--config needs a file name.');
  return { targets: positionals, format, fix: values.fix ?? false, config: values.config, maxWarnings, now };
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  let options: Options;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    if (parsed === 'version') {
      io.stdout.write(`${packageJson.version}\n`);
      return 0;
    }
    options = parsed;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`note-coach: ${error.message}`);
    err('Run "note-coach --help" for usage.');
    return 2;
  }
  try {
    return await check(options, io);
  } catch (error) {
    // A bug of ours, never the user's: say so plainly rather than die with a bare stack.
    err(`note-coach: internal error: ${(error as Error)?.stack ?? String(error)}`);
    return 2;
  }
}

async function check(options: Options, io: Io): Promise<number> {
  const err = (line: string) => io.stderr.write(`${line}\n`);
  // For stderr: a file name holding ESC or a line break must not reach the terminal raw.
  const show = (file: string) => escapeControl(displayPath(file, io.cwd));
  let trouble = false;

  // 1. Arguments → files (each at most once, in argument order). A link named like a note
  // that leads outside every folder given (and the folders of the files given) is skipped:
  // neither read (its words would show in the findings) nor written through by --fix.
  const candidates: string[] = [];
  const roots: string[] = [];
  for (const target of options.targets.length ? options.targets : ['.']) {
    const expansion = await expandArgument(target, io.cwd);
    if (expansion.error) {
      err(`note-coach: ${escapeControl(expansion.error)}`);
      trouble = true;
    }
    if (expansion.notice) err(`note-coach: ${escapeControl(expansion.notice)}`);
    if (expansion.root) roots.push(expansion.root);
    candidates.push(...expansion.files);
  }
  const files: string[] = [];
  const seen = new Set<string>();
  for (const file of candidates) {
    const { real, outside } = await locate(file, roots);
    if (outside) {
      err(`${show(file)}: skipped: it is a link to a file outside the folders given.`);
      continue;
    }
    const key = real ?? file;
    if (seen.has(key)) continue;
    seen.add(key);
    files.push(file);
  }

  // 2. Configuration. An explicit --config that cannot be read is bad usage: stop before
  // checking (or fixing) anything with settings the user did not ask for. One that is read
  // but broken is handled like a broken .notecoach.json: defaults, and exit 2 at the end.
  const configs = new ConfigLoader(show);
  const explicitConfig = options.config ? path.resolve(io.cwd, options.config) : undefined;
  let reportedIssues = 0;
  const flushConfigIssues = () => {
    for (; reportedIssues < configs.issues.length; reportedIssues++) {
      const { problem, fatal } = configs.issues[reportedIssues];
      err(escapeControl(`${problem.source}${problem.key ? ` (${problem.key})` : ''}: ${fatal ? 'error' : 'warning'}: ${problem.message}`));
      if (fatal) trouble = true;
    }
  };
  if (explicitConfig) {
    await configs.load(explicitConfig);
    flushConfigIssues();
    if (configs.issues.some((issue) => issue.unreadable)) return 2;
  }

  // 3. Read every note first: the workspace rules compare each note with the others given.
  // Each is parsed as analyze() would parse it with its configuration: without the sentence
  // split above its maxFileSize.
  const index = new NoteIndex();
  const readable: string[] = [];
  for (const file of files) {
    const read = await readNote(file);
    if ('error' in read) {
      err(`${show(file)}: ${read.error}`);
      trouble = true;
      continue;
    }
    try {
      const { config } = await configs.forNote(file, explicitConfig);
      flushConfigIssues();
      index.set(file, read.text, { maxFileSize: config.maxFileSize });
      readable.push(file);
    } catch (error) {
      err(`${show(file)}: could not be checked: ${(error as Error)?.message ?? String(error)}`);
      trouble = true;
    }
  }

  // 4. Each note: configure, (fix,) analyze.
  const results: FileResult[] = [];
  for (const file of readable) {
    const shown = show(file);
    const loaded = await configs.forNote(file, explicitConfig);
    flushConfigIssues();
    await prepareDictionary(loaded.config, err);
    const analyzeOptions = (): AnalyzeOptions => ({ config: loaded.config, now: options.now, file, workspace: index.workspace() });
    try {
      const original = index.get(file)!.text;
      let fixed = 0;
      if (options.fix) {
        if (loaded.broken) {
          err(`${shown}: not fixed, because its configuration could not be read.`);
        } else {
          const outcome = fixAll(original, (t) => withLineEnding(analyze(t, analyzeOptions()), eolOf(t)));
          if (outcome.applied > 0 && outcome.text !== original) {
            try {
              await writeNote(file, outcome.text, original);
              index.set(file, outcome.text, { maxFileSize: loaded.config.maxFileSize });
              fixed = outcome.applied;
            } catch (error) {
              err(`${shown}: could not write the fixes: ${(error as Error).message}`);
              trouble = true;
            }
          }
        }
      }
      const { findings } = analyze(index.get(file)!.note, analyzeOptions());
      results.push({ file: displayPath(file, io.cwd), findings, fixed });
    } catch (error) {
      err(`${shown}: could not be checked: ${(error as Error)?.message ?? String(error)}`);
      trouble = true;
    }
  }

  // 5. Report.
  const counts = count(results);
  const fixed = results.reduce((sum, r) => sum + r.fixed, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  if (options.format === 'json') {
    io.stdout.write(formatJson(results));
    if (tooManyWarnings) err(`note-coach: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}.`);
  } else {
    const color = useColor(io.isTTY, io.env);
    io.stdout.write(formatText(results, { color, pretty: io.isTTY }));
    io.stdout.write(formatSummary(counts, results.length, fixed, color));
    if (tooManyWarnings) io.stdout.write(`Too many warnings: ${counts.warning}, more than --max-warnings ${options.maxWarnings}.\n`);
  }
  if (trouble) return 2;
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
}

/** Relative to the working folder when the file is inside it, else absolute. */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Fix texts are written with `\n`; in a CRLF note, insert `\r\n` instead so
 * `--fix` never leaves a file with mixed line endings.
 */
function withLineEnding<T extends { findings: Finding[] }>(analysis: T, eol: string): T {
  if (eol === '\n') return analysis;
  for (const finding of analysis.findings) {
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) edit.newText = edit.newText.replace(/\r?\n/g, eol);
    }
  }
  return analysis;
}

// ---------------------------------------------------------------------------
// Spelling dictionary

/**
 * The spelling rule reports nothing until its dictionary is in memory, so the
 * CLI loads it (once per language, on the first note that needs it) before
 * analysing. A dictionary that cannot be found is a warning, not bad input:
 * every other rule still runs.
 */
async function prepareDictionary(config: ResolvedConfig, warn: (line: string) => void): Promise<void> {
  if (config.rules.get('spelling')?.severity === 'off') return;
  const language = config.dictionary;
  if (!defaultDictionaryStore().hasLoader()) registerNodeDictionaryLoader();
  try {
    await loadDictionary(language);
  } catch (error) {
    if (!warnedDictionaries.has(language)) {
      warnedDictionaries.add(language);
      warn(`note-coach: warning: spelling not checked: ${(error as Error)?.message ?? String(error)}`);
    }
  }
}

const warnedDictionaries = new Set<string>();

// ---------------------------------------------------------------------------
// Bin entry

if (require.main === module) {
  for (const stream of [process.stdout, process.stderr]) {
    // `note-coach | head` closes the pipe early; that is not an error.
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`note-coach: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
