/**
 * Entry point the extension host calls (`run()`, the contract of
 * @vscode/test-electron and of scripts/vscode-host). Runs the suites chosen by
 * NOTE_COACH_SUITES ("workspace" or "nofolder") with mocha inside the host.
 */
import Mocha from 'mocha';

export function run(): Promise<void> {
  // NOTE_COACH_GREP=<text>: only the tests whose title contains it (while working on one).
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec', grep: process.env.NOTE_COACH_GREP || undefined });
  mocha.suite.emit('pre-require', globalThis, 'note-coach-integration', mocha);
  const which = process.env.NOTE_COACH_SUITES ?? 'workspace';
  if (which === 'nofolder') require('./nofolder.test');
  else require('./workspace.test');
  if (which !== 'nofolder') require('./privacy.test');
  if (which !== 'nofolder') require('./overview.test');
  // Last: reads the extension host log the suites above wrote.
  require('./hostLog.test');
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
  });
}
