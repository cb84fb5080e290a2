/**
 * One cold load of the shipped en-US dictionary, in a process that loads
 * nothing else (bench/cold.ts runs it several times): prints
 * `{ "wallMs": …, "cpuMs": … }`, the load time `loadDictionary` reports and
 * the CPU time it took. Bundled by scripts/bench.mjs into out/dictionary-load.cjs.
 */
import path from 'node:path';
import { dictionaryStatus, loadDictionary } from '../src/core/spelling/dictionary';
import { registerNodeDictionaryLoader } from '../src/node/dictionary';

async function main(): Promise<void> {
  registerNodeDictionaryLoader({ directory: path.join(__dirname, '..', 'dist', 'dictionaries') });
  const cpu = process.cpuUsage();
  await loadDictionary('en-US');
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ wallMs: dictionaryStatus('en-US').loadMs, cpuMs: (used.user + used.system) / 1000 })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
