/**
 * Self-checking file contents for crash tests: a header naming the revision,
 * `lines` lines that repeat it, and a footer. A file cut short or mixed from
 * two revisions fails `isWholeRevision`.
 */
export function revisionBody(revision: number, lines: number): string {
  return `rev ${revision} lines ${lines}\n${`line of revision ${revision}\n`.repeat(lines)}end ${revision}\n`
}

export function isWholeRevision(body: string): boolean {
  const header = /^rev (\d+) lines (\d+)\n/.exec(body)
  if (!header) return false
  return body === revisionBody(Number(header[1]), Number(header[2]))
}
