import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'no-arrogance', description: 'Not implemented yet', severity: 'warning', fixable: false, tags: [] },
  () => {},
);
