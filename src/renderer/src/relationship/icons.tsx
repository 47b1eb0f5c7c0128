import type { ReactNode } from 'react'

/** Icons for the relationship views in the sidebar; stroke in currentColor so they follow the theme. */
const Svg = ({ children }: { children: ReactNode }) => (
  <svg className="icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" aria-hidden="true">
    {children}
  </svg>
)

export const TodayIcon = () => (
  <Svg>
    <rect x="2.5" y="3.5" width="11" height="10" rx="1.5" />
    <path d="M2.5 6.5h11M5.5 2v3M10.5 2v3" strokeLinecap="round" />
  </Svg>
)

export const CommitmentsIcon = () => (
  <Svg>
    <path d="M3 4.5l1.5 1.5L7 3.5M3 10.5l1.5 1.5L7 9.5M9 5h4.5M9 11h4.5" strokeLinecap="round" strokeLinejoin="round" />
  </Svg>
)
