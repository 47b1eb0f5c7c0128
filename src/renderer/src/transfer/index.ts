/** Export and import of the vault, and the progress and result parts the contacts import shares. */
// The parts shared with the contacts import bring their styles with them.
import './transfer.css'
export { ImportPhaseBar } from './ImportPhaseBar'
export { PreviewSection, ProblemsSection } from './PreviewSection'
export type { ImportPhase } from './ImportPhaseBar'
export { TransferCommands } from './TransferCommands'
export { TransferResult } from './TransferResult'
export { count, plural } from './transfer-words'
export { useTransferJob } from './useTransferJob'
