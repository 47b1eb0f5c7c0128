import type { HandlersFor } from '../../shared/api'
import type { ClientDetail, relationshipContract } from '../../shared/contract/relationship'
import type { rhythmContract } from '../../shared/contract/rhythm'
import { CalendarFeedFile } from '../calendar/feed-file'
import { rhythmHandlers } from './rhythm-handlers'
import type { ClientFile } from '../../shared/domain'
import { clientFileSchema } from '../../shared/domain'
import type { ClientRecord } from '../clients/client-store'
import { clientSummary } from './client-summary'
import { RapportError } from '../errors'
import { clientQueueOf } from '../clients/client-queue'
import { clientFolder, layout, toVaultPath } from '../fs/layout'
import type { Vault } from '../vault/vault'
import { listCommitments } from './commitment-list'
import { addCommitment, toCommitment, updateCommitment } from './commitments'
import { everyonesRuns } from '../coach/client-coach'
import { attemptsBeforeConversations, perseveranceOf } from '../coach/perseverance'
import { clientInsights } from './insights'
import { addInteraction, deleteInteraction, updateInteraction } from './interactions'
import { NotifiedLog } from './notified-log'
import { dueNotifications } from './notifications'
import { applyProfilePatch, setStage, setTrust } from './profile'
import { relationshipSettings } from './settings'
import type { ClientData, StoredClient } from './stored-client'
import { timelineOf } from './timeline'
import { todayList } from './today'
import type { Clock, Viewpoint } from './viewpoint'
import { systemClock, viewpointOf } from './viewpoint'

const fileOf = (record: ClientRecord): string => toVaultPath(clientFolder(record.slug), layout.clientFile)

/** Stops at a file that is not a client file any more: Rapport neither computes from it nor writes to it. */
function readableFile(record: ClientRecord): StoredClient {
  if (!record.data) {
    throw new RapportError('broken-file', `${fileOf(record)} cannot be read (${record.problem}), so Rapport will not use or change it.`, fileOf(record))
  }
  return record.data
}

/** The file checked against the documented format (defaults filled in); `code` says whose fault a failure is. */
function checkedClientFile(data: unknown, record: ClientRecord, code: 'broken-file' | 'invalid-input'): ClientFile {
  const checked = clientFileSchema.safeParse(data)
  if (checked.success) return checked.data
  const issue = checked.error.issues[0]
  const where = `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'is not a client file'}`
  throw code === 'broken-file'
    ? new RapportError(
        'broken-file',
        `${fileOf(record)} was changed on disk and is no longer a valid client file (${where}). Rapport will not change it.`,
        fileOf(record)
      )
    : new RapportError('invalid-input', `That change would make ${fileOf(record)} invalid (${where}); nothing was saved.`, fileOf(record))
}

/**
 * The relationship channels: profile, stage and trust, commitments,
 * interactions, the timeline, Today, notifications and their settings.
 * `clock` gives "now" and the computer's zone; tests pass a fixed one.
 */
export function relationshipHandlers(vault: Vault, clock: Clock = systemClock): HandlersFor<typeof relationshipContract & typeof rhythmContract> {
  // Saving as you type sends changes close together; one client's changes are applied one at a time so none is lost.
  const queue = clientQueueOf(vault)
  const notified = new NotifiedLog(vault.root, () => !vault.info().readOnly)
  const view = (): Viewpoint => viewpointOf(vault, clock)
  // The calendar feed (issue #16) follows every change: awaited after the changes made here, soon after any other.
  const feed = new CalendarFeedFile(vault, clock)
  vault.onChange(() => feed.soon())

  const readableClients = (): ClientData[] =>
    vault.clients.list().flatMap((record) => (record.data ? [{ id: record.id, name: record.data.name, data: record.data }] : []))

  function detail(record: ClientRecord, at: Viewpoint = view()): ClientDetail {
    const data = readableFile(record)
    const insights = clientInsights(data, at)
    // The unanswered count beside what this user typically needs (with coaching on): the other clients are read only then.
    if (at.settings.coaching && insights.outreach.unanswered > 0) {
      const zone = at.settings.timeZone
      const typical = perseveranceOf(
        insights.outreach.unanswered,
        attemptsBeforeConversations(data.interactions ?? [], zone),
        everyonesRuns(vault, zone),
        data.name
      ).brief
      if (typical) insights.outreach.perseverance = typical
    }
    return { client: checkedClientFile(data, record, 'broken-file'), summary: clientSummary(vault, record, at), insights }
  }

  /**
   * Every change to client.json: the vault must be writable, the file is read
   * again and must still be a client file, the change is applied to it as it
   * is on disk, and the result must still be one; then it is written (only if
   * its bytes changed, and never over a change made on disk meanwhile).
   */
  async function change<T>(clientId: string, apply: (client: StoredClient, at: Viewpoint) => T): Promise<{ result: T; record: ClientRecord; at: Viewpoint }> {
    vault.assertWritable()
    const record = vault.clients.get(clientId)
    readableFile(record)
    return queue.run(record.id, async () => {
      const at = view()
      let result!: T
      await vault.clients.update(record, (data) => {
        checkedClientFile(data, record, 'broken-file')
        result = apply(data, at)
        checkedClientFile(data, record, 'invalid-input')
      })
      await feed.refresh().catch(() => null)
      return { result, record, at }
    })
  }

  /** A commitment can point at an entry of this client's journal or of the general journal. */
  function assertEntry(clientId: string, entryId: string): void {
    const known = [...vault.entries.list(clientId), ...vault.entries.list(null)].some((e) => e.id === entryId)
    if (!known) throw new RapportError('not-found', `There is no entry ${entryId} in this client’s journal or the general journal.`)
  }

  const dueNow = async () => {
    const at = view()
    return { at, due: dueNotifications(readableClients(), at, await notified.keys()) }
  }

  return {
    ...rhythmHandlers(vault, { change, detail, dueNow, notified }, feed),
    'clients:get': async ({ id }) => detail(vault.clients.get(id)),
    'clients:update-profile': async ({ id, patch }) => {
      const { record, at } = await change(id, (client) => applyProfilePatch(client, patch))
      return detail(record, at)
    },
    'clients:set-stage': async ({ id, stage, note }) => {
      const { record, at } = await change(id, (client, { now }) => setStage(client, stage, note, now))
      return detail(record, at)
    },
    'clients:set-trust': async ({ id, trust, note }) => {
      const { record, at } = await change(id, (client, { now }) => setTrust(client, trust, note, now))
      return detail(record, at)
    },

    'commitments:add': async ({ clientId, by, what, due, entry, repeat }) => {
      if (entry !== undefined) assertEntry(clientId, entry)
      const { result, record, at } = await change(clientId, (client, { now }) => addCommitment(client, { by, what, due, entry, repeat }, now))
      return { commitment: toCommitment(result), client: detail(record, at) }
    },
    'commitments:update': async ({ clientId, id, ...changes }) => {
      if (typeof changes.entry === 'string') assertEntry(clientId, changes.entry)
      const { result, record, at } = await change(clientId, (client, { now }) => updateCommitment(client, id, changes, now))
      return { commitment: toCommitment(result), client: detail(record, at) }
    },
    'commitments:list-all': async (options) => listCommitments(readableClients(), view(), options ?? {}),

    'interactions:add': async ({ clientId, ...input }) => {
      const { result, record, at } = await change(clientId, (client, { now }) => addInteraction(client, input, now))
      return { interaction: result, client: detail(record, at) }
    },
    'interactions:update': async ({ clientId, id, ...changes }) => {
      const { result, record, at } = await change(clientId, (client) => updateInteraction(client, id, changes))
      return { interaction: result, client: detail(record, at) }
    },
    'interactions:delete': async ({ clientId, id }) => {
      const { record, at } = await change(clientId, (client) => deleteInteraction(client, id))
      return detail(record, at)
    },

    'timeline:get': async ({ clientId }) => {
      const record = vault.clients.get(clientId)
      return timelineOf(readableFile(record), vault.entries.list(record.id), view().settings.timeZone)
    },
    'today:get': async () => todayList(readableClients(), view()),
    'notifications:due': async () =>
      // One poll at a time, so two polls close together cannot both show the same notification.
      queue.run('notifications', async () => {
        const at = view()
        const due = dueNotifications(readableClients(), at, await notified.keys())
        if (due.length > 0)
          await notified.record(
            due.map((n) => n.key),
            at.now
          )
        return due
      }),

    'settings:get': async () => view().settings,
    'settings:update': async (patch) => {
      const changed = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
      if (Object.keys(changed).length > 0) await vault.updateSettings(changed)
      return relationshipSettings(vault.settings(), clock.timeZone())
    }
  }
}
