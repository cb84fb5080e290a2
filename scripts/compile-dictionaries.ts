/**
 * Compiles the Hunspell dictionaries into the files that ship next to the
 * bundles: dist/dictionaries/en-US.ncdict and en-GB.ncdict (src/core/spelling/
 * compiled.ts), with their licenses. src/node/dictionary.ts reads them.
 *
 * Usage: node out/compile-dictionaries.cjs [out-dir]   (scripts/build.mjs bundles and runs it;
 *        tsx scripts/compile-dictionaries.ts [out-dir] works too). Default out-dir: dist/dictionaries.
 *
 * A file is rebuilt only when its inputs changed: its header records the
 * package, its version and a hash of the .aff, the .dic and this compiler.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compileHunspell } from '../src/core/spelling/compile';
import { CompiledDictionary } from '../src/core/spelling/compiled';
import type { DictionaryLanguage } from '../src/core/spelling/speller';
import { COMPILED_EXTENSION, DICTIONARY_PACKAGES } from '../src/node/dictionary';

const root = path.join(__dirname, '..');

function existingSource(file: string): string | undefined {
  try {
    return CompiledDictionary.fromBytes(fs.readFileSync(file)).source;
  } catch {
    return undefined;
  }
}

export function compileDictionaries(out: string): string[] {
  fs.mkdirSync(out, { recursive: true });
  // The running compiler (a bundle, or this file under tsx) is part of what a file is built from.
  const compiler = fs.readFileSync(process.argv[1] && fs.existsSync(process.argv[1]) ? process.argv[1] : __filename);
  const written: string[] = [];
  for (const [language, pkg] of Object.entries(DICTIONARY_PACKAGES) as [DictionaryLanguage, string][]) {
    const dir = path.join(root, 'node_modules', pkg);
    const aff = path.join(dir, 'index.aff');
    const dic = path.join(dir, 'index.dic');
    if (!fs.existsSync(aff) || !fs.existsSync(dic)) throw new Error(`${path.relative(root, dir)} is missing its index.aff or index.dic; run npm install.`);
    const files = { aff: fs.readFileSync(aff), dic: fs.readFileSync(dic) };
    const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
    const hash = crypto.createHash('sha256').update(files.aff).update(files.dic).update(compiler).digest('hex').slice(0, 16);
    const source = `${pkg} ${version} (${hash})`;
    const target = path.join(out, `${language}${COMPILED_EXTENSION}`);
    if (existingSource(target) !== source) {
      const bytes = compileHunspell(files, source);
      CompiledDictionary.fromBytes(bytes, { verify: true });
      fs.writeFileSync(target, bytes);
      written.push(target);
    }
    const license = path.join(dir, 'license');
    if (fs.existsSync(license)) fs.copyFileSync(license, path.join(out, `${language}.license`));
    // Earlier builds copied the Hunspell files here; only the compiled ones ship now.
    for (const stale of [`${language}.aff`, `${language}.dic`]) fs.rmSync(path.join(out, stale), { force: true });
  }
  return written;
}

if (require.main === module) {
  const out = path.resolve(root, process.argv[2] ?? 'dist/dictionaries');
  try {
    const written = compileDictionaries(out);
    const where = path.relative(root, out) || '.';
    console.log(written.length ? `Compiled ${written.length} dictionar${written.length === 1 ? 'y' : 'ies'} into ${where}/.` : `Dictionaries in ${where}/ are up to date.`);
  } catch (error) {
    console.error(`compile-dictionaries: ${(error as Error).message}`);
    process.exit(1);
  }
}
