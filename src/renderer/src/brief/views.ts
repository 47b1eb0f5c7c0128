import type { ClientTab } from '@renderer/platform/views'
import { BriefTab } from './BriefTab'

/** The client tab "Brief" (issue #7). */
export const briefTab: ClientTab = { id: 'brief', label: 'Brief', component: BriefTab }
