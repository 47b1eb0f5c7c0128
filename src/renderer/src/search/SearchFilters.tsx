import { useEffect, useId, useState } from 'react'
import { searchKinds } from '@shared/contract/search'
import type { SearchFilters, SearchKind } from '@shared/contract/search'
import type { TemplateSummary } from '@shared/contract/templates'
import { stages } from '@shared/domain'
import type { ClientSummary } from '@shared/domain'
import { stageWords } from '@shared/words'
import { call } from '@renderer/platform/api'

export const kindWords: Record<SearchKind, string> = { entry: 'Entries', client: 'Profiles', commitment: 'Commitments', interaction: 'Interactions' }

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)

/** Narrowing a search: which client, template, tag, dates, stage, and kinds of item. Each change gives a new filters object. */
export function SearchFiltersBar({
  filters,
  clients,
  onChange
}: {
  filters: SearchFilters
  clients: readonly ClientSummary[]
  onChange: (next: SearchFilters) => void
}) {
  const id = useId()
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  useEffect(() => {
    let current = true
    call('templates:list', {}).then(
      (list) => current && setTemplates(list),
      // Without the list the template filter simply offers nothing; search itself still works.
      () => undefined
    )
    return () => {
      current = false
    }
  }, [])

  // Undefined removes a filter, so the object never carries empty values across the IPC contract.
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K] | '') => {
    const next = { ...filters }
    if (value === '' || value === undefined) delete next[key]
    else next[key] = value
    onChange(next)
  }
  const kinds = filters.kinds ?? searchKinds
  const toggleKind = (kind: SearchKind) => {
    const chosen = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind]
    // All or none chosen both mean "everything": no filter.
    set('kinds', chosen.length === 0 || chosen.length === searchKinds.length ? undefined : searchKinds.filter((k) => chosen.includes(k)))
  }
  const active = Object.keys(filters).length

  return (
    <fieldset className="search-filters">
      <legend className="visually-hidden">Filters</legend>
      <div className="search-kinds" role="group" aria-label="Look in">
        {searchKinds.map((kind) => (
          <label key={kind} className="search-kind">
            <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggleKind(kind)} />
            {kindWords[kind]}
          </label>
        ))}
      </div>
      <div className="search-filter-fields">
        <div className="search-filter">
          <label htmlFor={`${id}-client`}>Client</label>
          <select id={`${id}-client`} value={filters.clientId ?? ''} onChange={(e) => set('clientId', e.target.value)}>
            <option value="">Any client</option>
            {[...clients].sort(byName).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="search-filter">
          <label htmlFor={`${id}-template`}>Template</label>
          <select id={`${id}-template`} value={filters.template ?? ''} onChange={(e) => set('template', e.target.value)}>
            <option value="">Any template</option>
            {[...templates].sort(byName).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="search-filter">
          <label htmlFor={`${id}-stage`}>Stage</label>
          <select id={`${id}-stage`} value={filters.stage ?? ''} onChange={(e) => set('stage', e.target.value as SearchFilters['stage'])}>
            <option value="">Any stage</option>
            {stages.map((stage) => (
              <option key={stage} value={stage}>
                {stageWords[stage]}
              </option>
            ))}
          </select>
        </div>
        <div className="search-filter">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <input
            id={`${id}-tag`}
            type="text"
            value={filters.tag ?? ''}
            placeholder="any"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => set('tag', e.target.value.trim() ? e.target.value : undefined)}
          />
        </div>
        <div className="search-filter">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="search-filter">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => set('to', e.target.value)} />
        </div>
        {active > 0 && (
          <button type="button" className="button subtle search-clear" onClick={() => onChange({})}>
            Clear filters
          </button>
        )}
      </div>
    </fieldset>
  )
}
