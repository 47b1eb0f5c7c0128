/**
 * `work` over every item with at most `atOnce` running together; the results
 * in the items' order. For reading many files: the disk is kept busy without
 * opening thousands of files at once (EMFILE) or flooding libuv's pool.
 */
export async function mapInOrder<T, R>(items: readonly T[], atOnce: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(atOnce, items.length)) }, worker))
  return results
}
