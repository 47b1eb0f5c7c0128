/** A relative path as a link destination: anything that would end it early or change its meaning is percent-encoded; other letters stay readable. */
export function linkDestination(path: string): string {
  // encodeURIComponent leaves ( ) ' alone, which Markdown would read as the end of the destination or a title.
  return path.replace(/[\s()<>\\"'%]/g, (c) => encodeURIComponent(c).replace(/[()']/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`))
}
