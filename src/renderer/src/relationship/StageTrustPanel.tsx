import type { ClientDetail } from '@shared/contract/relationship'
import { withShortcut } from '@renderer/platform/commands/shortcuts'
import { shortDate } from '@shared/dates'
import { stageWords, trustWords } from './words'
import { appNow } from '@renderer/platform/dates/app-clock'

interface StageTrustPanelProps {
  detail: ClientDetail
  writable: boolean
  onChangeStage: () => void
  onChangeTrust: () => void
}

interface HistoryLine {
  at: string
  level: string
  note?: string
}

function LevelHistory({ label, lines }: { label: string; lines: HistoryLine[] }) {
  if (lines.length === 0) return null
  return (
    <details className="level-history">
      <summary>{label} history</summary>
      <ol>
        {[...lines].reverse().map((line, index) => (
          <li key={`${line.at}-${index}`}>
            <time dateTime={line.at}>{shortDate(line.at, appNow())}</time>
            <span className="level-history-level">{line.level}</span>
            {line.note && <span className="level-history-note">{line.note}</span>}
          </li>
        ))}
      </ol>
    </details>
  )
}

/** History items are loose (the file may be hand-edited): keep the ones naming a level Rapport knows. */
function historyLines<T extends string>(history: ReadonlyArray<Record<string, unknown>> | undefined, key: string, words: Record<T, string>): HistoryLine[] {
  const lines: HistoryLine[] = []
  for (const item of history ?? []) {
    const level = item[key]
    const { at, note } = item
    if (typeof level !== 'string' || !Object.hasOwn(words, level) || typeof at !== 'string') continue
    lines.push({ at, level: words[level as T], ...(typeof note === 'string' && note ? { note } : {}) })
  }
  return lines
}

/** Where the relationship stands: stage and trust, each one click (or Ctrl+Shift+S / T) from changing, with their histories. */
export function StageTrustPanel({ detail, writable, onChangeStage, onChangeTrust }: StageTrustPanelProps) {
  const stage = detail.client.stage
  const trust = detail.client.trust
  return (
    <div className="stage-trust">
      <div className="level-control">
        <span className="level-name">Stage</span>
        <button type="button" className="level-button" onClick={onChangeStage} disabled={!writable} title={withShortcut('Change stage', 'client.stage')}>
          {stage ? stageWords[stage.current] : 'Not set'}
        </button>
        <LevelHistory label="Stage" lines={historyLines(stage?.history, 'stage', stageWords)} />
      </div>
      <div className="level-control">
        <span className="level-name">Trust</span>
        <button type="button" className="level-button" onClick={onChangeTrust} disabled={!writable} title={withShortcut('Change trust', 'client.trust')}>
          {trust ? trustWords[trust.current] : 'Not set'}
        </button>
        <LevelHistory label="Trust" lines={historyLines(trust?.history, 'trust', trustWords)} />
      </div>
    </div>
  )
}
