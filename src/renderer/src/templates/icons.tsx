/** Line icons for the templates views, drawn like those in ui/icons (decorative: the buttons carry the words). */
function Icon({ d }: { d: string }) {
  return (
    <svg
      className="icon"
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  )
}

export const TemplatesIcon = () => <Icon d="M6 3h9l4 4v14H6zM15 3v4h4M9 11h7M9 15h7M9 19h4" />
export const ReflectionsIcon = () => <Icon d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
