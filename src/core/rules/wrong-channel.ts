import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'wrong-channel', description: 'Not implemented yet', severity: 'warning', fixable: false, tags: [] },
  () => {},
);
