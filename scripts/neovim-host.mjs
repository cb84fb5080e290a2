// Neovim for the end-to-end test of note-coach-ls: Debian's `neovim` package, installed with
// apt-get as root the way scripts/vscode-host installs its prerequisites (otherwise the exact
// command is printed and the step fails). NVIM_PATH=<binary> uses that Neovim instead.
import { spawnSync } from 'node:child_process';
import { aptInstall, hasCommand, SetupError } from './vscode-host/setup.mjs';

/** The nvim binary to run, installing Debian's neovim when it is missing. Throws SetupError when it can't be had. */
export function ensureNeovim() {
  if (process.env.NVIM_PATH) return process.env.NVIM_PATH;
  if (!hasCommand('nvim')) aptInstall(['neovim'], 'the Neovim end-to-end test');
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) throw new SetupError(`nvim --version failed (exit ${version.status}): ${version.stderr}`);
  return 'nvim';
}
