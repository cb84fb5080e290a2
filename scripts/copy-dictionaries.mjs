// Copies the Hunspell dictionaries next to the bundles: dist/dictionaries/en-US.{aff,dic}
// and en-GB.{aff,dic}, with their licenses. src/node/dictionary.ts looks there first.
// Usage: node scripts/copy-dictionaries.mjs [out-dir]   (default: dist/dictionaries)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(root, process.argv[2] ?? 'dist/dictionaries');
const packages = { 'en-US': 'dictionary-en', 'en-GB': 'dictionary-en-gb' };

fs.mkdirSync(out, { recursive: true });
for (const [language, pkg] of Object.entries(packages)) {
  const dir = path.join(root, 'node_modules', pkg);
  for (const [from, to] of [
    ['index.aff', `${language}.aff`],
    ['index.dic', `${language}.dic`],
    ['license', `${language}.license`],
  ]) {
    const source = path.join(dir, from);
    if (!fs.existsSync(source)) {
      if (from === 'license') continue;
      console.error(`copy-dictionaries: ${path.relative(root, source)} is missing; run npm install.`);
      process.exit(1);
    }
    fs.copyFileSync(source, path.join(out, to));
  }
}
console.log(`Copied ${Object.keys(packages).length} dictionaries into ${path.relative(root, out) || '.'}/.`);
