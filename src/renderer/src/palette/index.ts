/** The command palette (Ctrl/Cmd+K). */
export { PaletteCommand } from './PaletteCommand'
