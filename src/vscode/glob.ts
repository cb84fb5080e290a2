/**
 * Exclude globs from the settings (files.exclude, noteCoach.exclude) as
 * matchers. No vscode import, so the unit tests reach it.
 */
import picomatch from 'picomatch';

/** Single "*" wildcards one path segment of an exclude may hold; more and matching can take time that grows with a power of the name's length. */
const MAX_STARS_PER_SEGMENT = 3;

/**
 * A glob as VS Code's settings write them (`**`, `*`, `?`, `{a,b}`, `[abc]`,
 * `[!abc]`), matched by picomatch against a path relative to the workspace
 * folder. The settings come from the workspace, which may be untrusted:
 * picomatch compiles to a backtracking RegExp, so a segment with many "*"
 * ("*a*a*a*a*a*a*b" took 70 s on a 30-character name) excludes nothing
 * instead, and a pattern picomatch cannot read excludes nothing.
 */
export function globMatcher(glob: string): (relativePath: string) => boolean {
  // VS Code negates a class with "[!a]"; picomatch reads that as "[!a]" literally or one of "!", "a".
  const pattern = glob.replace(/\\/g, '/').replace(/^\.?\//, '').replace(/\/+$/, '').replace(/\[!/g, '[^');
  const never = () => false;
  if (!pattern || pattern.split('/').some((segment) => segment !== '**' && (segment.match(/\*+/g)?.length ?? 0) > MAX_STARS_PER_SEGMENT)) return never;
  try {
    return picomatch(pattern, { dot: true });
  } catch {
    return never;
  }
}
