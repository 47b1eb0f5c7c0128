/**
 * `work` over every item with at most `atOnce` running together; the results
 * in the items' order. For reading many files: the disk is kept busy without
 * opening thousands of files at once (EMFILE) or flooding libuv's pool.
 *
 * After a failure no new work starts, and the failure is passed on only once
 * the work already running has settled: a caller that cleans up after a
 * failed run of writes (removes what was half made) never races one still
 * under way.
 */
export async function mapInOrder<T, R>(items: readonly T[], atOnce: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async () => {
    while (!failure && next < items.length) {
      const index = next++
      try {
        results[index] = await work(items[index]!, index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, items.length)) }, worker))
  if (failure) throw (failure as { error: unknown }).error
  return results
}
