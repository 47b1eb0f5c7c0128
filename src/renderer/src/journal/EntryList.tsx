import type { Ref } from 'react'
import type { EntrySummary } from '@shared/domain'
import { Listbox } from '@renderer/platform/ui/Listbox'
import type { ListboxHandle } from '@renderer/platform/ui/Listbox'
import { ConflictMarker } from '@renderer/safety'
import { dayOfMoment } from '@shared/dates'
import './journal.css'

interface EntryListProps {
  entries: readonly EntrySummary[]
  selectedId: string | null
  onSelect: (entry: EntrySummary) => void
  ref?: Ref<ListboxHandle>
}

export const entryTitle = (entry: Pick<EntrySummary, 'title'>) => entry.title.trim() || 'Untitled'

export function EntryList({ entries, selectedId, onSelect, ref }: EntryListProps) {
  return (
    <Listbox
      ref={ref}
      label="Entries"
      className="entry-list"
      items={entries}
      getId={(entry) => entry.id}
      // No aria-label: the name comes from the text shown (title, date, first line), so an "Untitled"
      // entry is not mistaken for a field labelled "Title" by label-based lookups.
      selectedId={selectedId}
      onSelect={onSelect}
      renderOption={(entry, { descriptionId }) => {
        const firstLine = entry.excerpt.split('\n', 1)[0]?.trim() ?? ''
        return (
          <>
            <span className="entry-title-row">
              <span className={`entry-title ${entry.title.trim() ? '' : 'untitled'}`}>{entryTitle(entry)}</span>
              {entry.conflicts && entry.conflicts.length > 0 && <ConflictMarker count={entry.conflicts.length} />}
            </span>
            <span className="entry-meta" id={descriptionId}>
              <time className="entry-date" dateTime={entry.created}>
                {dayOfMoment(entry.created)}
              </time>
              {firstLine && <span className="entry-excerpt">{firstLine}</span>}
            </span>
          </>
        )
      }}
    />
  )
}
