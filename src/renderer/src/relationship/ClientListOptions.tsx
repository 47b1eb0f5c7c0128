import { useId } from 'react'
import type { ClientShow, ClientSort } from './client-order'
import { showWords, sortWords } from './client-order'

interface ClientListOptionsProps {
  sort: ClientSort
  show: ClientShow
  onSort: (sort: ClientSort) => void
  onShow: (show: ClientShow) => void
}

/** Sort and filter for the client list, as two compact selects under the search field. */
export function ClientListOptions({ sort, show, onSort, onShow }: ClientListOptionsProps) {
  const id = useId()
  return (
    <div className="client-list-options">
      <label className="visually-hidden" htmlFor={`${id}-show`}>
        Show
      </label>
      <select id={`${id}-show`} className="mini-select" value={show} onChange={(e) => onShow(e.target.value as ClientShow)}>
        {(Object.keys(showWords) as ClientShow[]).map((value) => (
          <option key={value} value={value}>
            {showWords[value]}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${id}-sort`}>
        Sort by
      </label>
      <select id={`${id}-sort`} className="mini-select" value={sort} onChange={(e) => onSort(e.target.value as ClientSort)}>
        {(Object.keys(sortWords) as ClientSort[]).map((value) => (
          <option key={value} value={value}>
            Sort: {sortWords[value]}
          </option>
        ))}
      </select>
    </div>
  )
}
