/**
 * The app's views, in the order they are shown. A feature adds its view here
 * with one line; App and the sidebar read these lists and nothing else.
 */
import type { ClientTab, GlobalView } from './views'

export const globalViews: GlobalView[] = []

export const clientTabs: ClientTab[] = []
