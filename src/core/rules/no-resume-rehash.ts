import { defineRule } from '../rule';

// PLACEHOLDER: not implemented yet.
export default defineRule(
  { id: 'no-resume-rehash', description: 'Not implemented yet', severity: 'info', fixable: false, tags: [] },
  () => {},
);
