import type { ClientSummary } from '@shared/domain'

/** Lower-case, accents removed: "Zoë" is found by typing "zoe". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase()
}

export function filterClients(clients: readonly ClientSummary[], query: string): ClientSummary[] {
  const wanted = fold(query.trim())
  if (!wanted) return [...clients]
  return clients.filter((client) => fold(client.name).includes(wanted) || fold(client.organisation ?? '').includes(wanted))
}
