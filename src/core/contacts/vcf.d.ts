// The `vcf` package (jhermsmeier/node-vcf) ships no types; the tests read exports back with it.
declare module 'vcf' {
  interface VCardProperty {
    valueOf(): string
    type?: string | string[]
  }
  class VCard {
    version: string
    data: Record<string, VCardProperty | VCardProperty[]>
    get(key: string): VCardProperty | VCardProperty[] | undefined
    static parse(text: string): VCard[]
  }
  export default VCard
}
