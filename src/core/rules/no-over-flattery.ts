import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'no-over-flattery', description: 'Not implemented yet', severity: 'info', fixable: false, tags: [] },
  () => {},
);
