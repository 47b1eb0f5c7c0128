import { useState } from 'react'
import type { ReactNode } from 'react'
import type { ClientDetail, Interaction } from '@shared/contract/relationship'
import type { ClientSummary, Stage, TrustLevel } from '@shared/domain'
import { call } from '@renderer/platform/api'
import type { ViewContext } from '@renderer/platform/views'
import { useCommands } from '@renderer/platform/commands/useCommands'
import { ValueGivenDialog } from '@renderer/relationship/coach/ValueGivenDialog'
import { InteractionDialog } from './InteractionDialog'
import { LevelPickerDialog } from './LevelPickerDialog'
import type { LevelChoice } from './LevelPickerDialog'
import { stageWords, stages, trustLevels, trustWords } from './words'

type Open = { kind: 'stage' } | { kind: 'trust' } | { kind: 'interaction'; editing?: Interaction } | { kind: 'value'; direction: 'out' | 'in' } | null

/**
 * Changing stage or trust, logging an interaction or value given, from buttons and from
 * their commands (Ctrl+Shift+G stage / U trust / I interaction): on the client's tabs, and from anywhere through RelationshipCommands.
 */
export function useRelationshipActions(client: ClientSummary, detail: ClientDetail | null, context: ViewContext, onChanged: (detail: ClientDetail) => void) {
  const [open, setOpen] = useState<Open>(null)
  const writable = context.canWrite && !client.problem && detail !== null
  const close = () => setOpen(null)

  const afterLevel = async (kind: 'Stage' | 'Trust', words: string, choice: LevelChoice<string>, fresh: ClientDetail) => {
    onChanged(fresh)
    setOpen(null)
    await context.refresh()
    if (!choice.writeEntry) return
    const entry = await call('entries:create', { clientId: client.id, title: `${kind}: ${words.toLowerCase()}`, body: choice.note ? `${choice.note}\n` : '' })
    context.openEntry(client.id, entry.id)
  }

  useCommands({
    'client.stage': { enabled: () => writable, run: () => setOpen({ kind: 'stage' }) },
    'client.trust': { enabled: () => writable, run: () => setOpen({ kind: 'trust' }) },
    'interaction.add': { enabled: () => writable, run: () => setOpen({ kind: 'interaction' }) },
    'value.add': { enabled: () => writable, run: () => setOpen({ kind: 'value', direction: 'out' }) }
  })

  let dialogs: ReactNode = null
  if (open?.kind === 'stage') {
    dialogs = (
      <LevelPickerDialog<Stage>
        title="Change stage"
        noun="Stage"
        levels={stages}
        words={stageWords}
        current={detail?.client.stage?.current}
        onClose={close}
        onChoose={async (choice) => {
          const fresh = await call('clients:set-stage', { id: client.id, stage: choice.level, ...(choice.note ? { note: choice.note } : {}) })
          await afterLevel('Stage', stageWords[choice.level], choice, fresh)
        }}
      />
    )
  } else if (open?.kind === 'trust') {
    dialogs = (
      <LevelPickerDialog<TrustLevel>
        title="Change trust"
        noun="Trust"
        levels={trustLevels}
        words={trustWords}
        current={detail?.client.trust?.current}
        onClose={close}
        onChoose={async (choice) => {
          const fresh = await call('clients:set-trust', { id: client.id, trust: choice.level, ...(choice.note ? { note: choice.note } : {}) })
          await afterLevel('Trust', trustWords[choice.level], choice, fresh)
        }}
      />
    )
  } else if (open?.kind === 'interaction') {
    const editing = open.editing
    dialogs = (
      <InteractionDialog
        editing={editing}
        defaultChannel={detail?.client.style?.channel}
        onClose={close}
        onSave={async (draft) => {
          const fields = { at: draft.at, channel: draft.channel, direction: draft.direction, outcome: draft.outcome }
          const result = editing
            ? await call('interactions:update', { clientId: client.id, id: editing.id, ...fields, note: draft.note || null })
            : await call('interactions:add', { clientId: client.id, ...fields, ...(draft.note ? { note: draft.note } : {}) })
          onChanged(result.client)
          setOpen(null)
          await context.refresh()
        }}
      />
    )
  } else if (open?.kind === 'value') {
    dialogs = (
      <ValueGivenDialog
        clientId={client.id}
        clientName={client.name}
        direction={open.direction}
        defaultChannel={detail?.client.style?.channel}
        onClose={close}
        onSaved={() => {
          void call('clients:get', { id: client.id }).then(onChanged, () => undefined)
          void context.refresh()
        }}
      />
    )
  }

  return {
    writable,
    dialogs,
    logValue: (direction: 'out' | 'in') => setOpen({ kind: 'value', direction }),
    changeStage: () => setOpen({ kind: 'stage' }),
    changeTrust: () => setOpen({ kind: 'trust' }),
    logInteraction: () => setOpen({ kind: 'interaction' }),
    editInteraction: (interaction: Interaction) => setOpen({ kind: 'interaction', editing: interaction })
  }
}
