import { describe, expect, it } from 'vitest'
import { selectSuites, UnknownSuiteError } from './suites'

const all = ['vault', 'markdown', 'brief', 'transfer', 'search', 'backlinks'] as const

describe('bench suite selection (--only)', () => {
  it('runs every suite when none is named', () => {
    expect(selectSuites(all, undefined)).toEqual([...all])
  })

  it('runs the named suites, in the usual order, whatever the order, case or spacing they were given in', () => {
    expect(selectSuites(all, ['transfer'])).toEqual(['transfer'])
    expect(selectSuites(all, ['search, Vault', 'transfer,vault'])).toEqual(['vault', 'transfer', 'search'])
  })

  it('refuses an unknown name, listing the valid ones', () => {
    expect(() => selectSuites(all, ['transfer,serch'])).toThrow(UnknownSuiteError)
    expect(() => selectSuites(all, ['transfer,serch'])).toThrow(
      'Unknown bench suite: serch. The suites are: vault, markdown, brief, transfer, search, backlinks.'
    )
    expect(() => selectSuites(all, [' , '])).toThrow(/at least one suite: vault, markdown/)
  })
})
