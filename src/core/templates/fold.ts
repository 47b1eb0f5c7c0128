/**
 * Text compared the way a person would: case, accents, spacing and closing
 * punctuation do not matter. Used for matching headings, filtering the
 * picker and spotting items the client record already has.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.:;,!?…]+$/u, '')
}
