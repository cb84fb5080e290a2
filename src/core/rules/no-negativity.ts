import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'no-negativity', description: 'Not implemented yet', severity: 'warning', fixable: false, tags: [] },
  () => {},
);
