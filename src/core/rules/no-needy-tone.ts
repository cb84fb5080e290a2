import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'no-needy-tone', description: 'Not implemented yet', severity: 'warning', fixable: false, tags: [] },
  () => {},
);
