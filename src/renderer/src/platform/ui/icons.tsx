import type { ReactNode } from 'react'

/** Small line icons drawn for Rapport; decorative, so hidden from assistive technology (controls carry their own labels). */
function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

export const PlusIcon = () => (
  <Icon>
    <path d="M12 5v14M5 12h14" />
  </Icon>
)
export const SearchIcon = () => (
  <Icon size={14}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </Icon>
)
export const WarningIcon = () => (
  <Icon size={14}>
    <path d="M10.3 3.9 2.4 17.5A2 2 0 0 0 4.1 20.5h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
    <path d="M12 9v4M12 17h.01" />
  </Icon>
)
export const MoreIcon = () => (
  <Icon>
    <circle cx="5" cy="12" r="1" />
    <circle cx="12" cy="12" r="1" />
    <circle cx="19" cy="12" r="1" />
  </Icon>
)
export const TrashIcon = () => (
  <Icon>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
  </Icon>
)
export const ExportIcon = () => (
  <Icon>
    <path d="M12 3v12M7 8l5-5 5 5M5 15v4a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-4" />
  </Icon>
)
export const PencilIcon = () => (
  <Icon>
    <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L8 18l-4 1 1-4Z" />
  </Icon>
)
export const BookIcon = () => (
  <Icon size={40}>
    <path d="M4 19.5V5a2 2 0 0 1 2-2h13v16H6.5A2.5 2.5 0 0 0 4 21.5v-2Z" strokeWidth={1.25} />
    <path d="M19 19v3H6.5M9 8h6M9 11h4" strokeWidth={1.25} />
  </Icon>
)
export const BoldIcon = () => (
  <Icon>
    <path d="M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z" />
  </Icon>
)
export const ItalicIcon = () => (
  <Icon>
    <path d="M19 4h-9M14 20H5M15 4 9 20" />
  </Icon>
)
export const StrikeIcon = () => (
  <Icon>
    <path d="M16 6.5C15.2 5 13.7 4 12 4c-2.5 0-4.5 1.5-4.5 3.5 0 1.5 1 2.5 2.5 3M4 12h16M8 17.5c.8 1.5 2.3 2.5 4 2.5 2.5 0 4.5-1.5 4.5-3.5 0-.9-.3-1.6-.9-2.2" />
  </Icon>
)
export const CodeIcon = () => (
  <Icon>
    <path d="m16 18 6-6-6-6M8 6l-6 6 6 6" />
  </Icon>
)
export const HeadingIcon = () => (
  <Icon>
    <path d="M4 6v12M12 6v12M4 12h8M16 11.5a2.5 2.5 0 1 1 4.6 1.4L16 18h5" />
  </Icon>
)
export const BulletListIcon = () => (
  <Icon>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <circle cx="4.5" cy="6" r="0.6" fill="currentColor" />
    <circle cx="4.5" cy="12" r="0.6" fill="currentColor" />
    <circle cx="4.5" cy="18" r="0.6" fill="currentColor" />
  </Icon>
)
export const NumberedListIcon = () => (
  <Icon>
    <path d="M10 6h10M10 12h10M10 18h10M4 4.5l1.5-.5v5M3.8 14.2a1.4 1.4 0 0 1 2.4 1c0 1-2.4 2.3-2.4 3.3h2.6" />
  </Icon>
)
export const TaskListIcon = () => (
  <Icon>
    <rect x="3" y="4" width="6" height="6" rx="1.2" />
    <path d="m4.5 16.5 1.5 1.5 3-3M13 7h8M13 17h8" />
  </Icon>
)
export const QuoteIcon = () => (
  <Icon>
    <path d="M5 6v12M10 8h9M10 12h9M10 16h6" />
  </Icon>
)
export const CodeBlockIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="m10 10-2 2 2 2M14 10l2 2-2 2" />
  </Icon>
)
export const LinkIcon = () => (
  <Icon>
    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
  </Icon>
)
export const RuleIcon = () => (
  <Icon>
    <path d="M3 12h18" />
  </Icon>
)
/** A clock with a turning-back arrow: an entry's history. */
export const HistoryIcon = () => (
  <Icon>
    <path d="M3 12a9 9 0 1 0 3-6.7L3 8" />
    <path d="M3 3v5h5M12 7v5l3 2" />
  </Icon>
)
