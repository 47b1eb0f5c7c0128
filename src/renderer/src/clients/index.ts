/** The client list in the sidebar, and creating, renaming and trashing clients. */
export { ClientCommands } from './ClientCommands'
export { ClientsSidebar } from './ClientsSidebar'
export type { ClientsSidebarHandle } from './ClientsSidebar'
