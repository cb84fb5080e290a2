/**
 * Mocha root hook: spelling dictionaries are loaded before any test analyses a
 * note (the spelling rule reports nothing until its dictionary is ready).
 * Listed in .mocharc.json `require`, or `npx mocha --require test/support/dictionary-hook.ts`.
 */
import { loadDictionary } from '../../src/core/spelling/dictionary';
import { registerNodeDictionaryLoader } from '../../src/node/dictionary';

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    registerNodeDictionaryLoader();
    await Promise.all([loadDictionary('en-US'), loadDictionary('en-GB')]);
  },
};
