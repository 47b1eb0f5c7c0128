/** Keeping text safe: conflicts, history, trash, save problems, vault problems. */
export { CompareConflictDialog } from './CompareConflictDialog'
export { ConflictMarker } from './ConflictMarker'
export { HistoryDialog } from './HistoryDialog'
export { SaveProblemNotice } from './SaveProblemNotice'
export { trashView } from './trash-view'
export { VaultProblemsDialog } from './VaultProblemsDialog'
