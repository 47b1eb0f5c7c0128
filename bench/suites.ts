/**
 * Which suites `npm run bench` runs: all of them, or those named with
 * `--only vault,transfer`. Kept apart from run.ts (which does the work when
 * it is loaded) so the choice can be tested without building a vault.
 */

export class UnknownSuiteError extends Error {}

/**
 * The names given to `--only` (comma-separated, spaces allowed, the flag may
 * be repeated), in the order the suites are listed in `all`; every suite when
 * none is given. A name that is not a suite is an error that lists the valid ones.
 */
export function selectSuites<Name extends string>(all: readonly Name[], only: readonly string[] | undefined): Name[] {
  if (only === undefined) return [...all]
  const asked = only
    .flatMap((value) => value.split(','))
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '')
  const unknown = asked.filter((name) => !(all as readonly string[]).includes(name))
  if (unknown.length > 0)
    throw new UnknownSuiteError(`Unknown bench suite${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. The suites are: ${all.join(', ')}.`)
  if (asked.length === 0) throw new UnknownSuiteError(`--only needs at least one suite: ${all.join(', ')}.`)
  return all.filter((name) => asked.includes(name))
}
