import './safety.css'

/** A small sign beside an entry's title in the list: another version of it waits to be compared. */
export function ConflictMarker({ count }: { count: number }) {
  const text = count === 1 ? 'Has a conflicting copy' : `Has ${count} conflicting copies`
  return (
    <span className="conflict-marker" title={text}>
      <span aria-hidden="true">⇄</span>
      <span className="visually-hidden">{text}</span>
    </span>
  )
}
