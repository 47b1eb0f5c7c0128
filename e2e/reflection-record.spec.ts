import { expect, test } from './fixtures'
import { addClient, clientJson, journalText, startReflection, waitSaved, writeUnder } from './harness/reflection-helpers'

interface Commitment {
  by: string
  what: string
  due?: string
  entry?: string
}
interface Question {
  text: string
  entry?: string
}

const entryIdOf = (markdown: string) => /\nid: (e_[^\n]+)\n/.exec(`\n${markdown.replace(/^---\n/, '')}`)?.[1]

test('what I promised and what to ask next time go into the client record, linked to the entry, once accepted', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Dana Whitfield')
  await startReflection(page, 'first meeting')
  await page.keyboard.type('Head of operations, new in the role.')
  await writeUnder(page, 'What I promised', 'Send the revised scope by 2026-12-04')
  await writeUnder(page, 'Ask next time', 'Who else signs off on the budget?')
  await waitSaved(page)

  await expect(page.getByText('2 things to add to Dana’s record')).toBeVisible({ timeout: 5000 })
  await page.getByRole('button', { name: 'Review…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add to Dana Whitfield’s record' })
  // Nothing starts ticked: each item is a deliberate yes.
  const promise = dialog.getByRole('checkbox', { name: /My commitment.*Send the revised scope/ })
  const question = dialog.getByRole('checkbox', { name: /Question to ask.*Who else signs off/ })
  await expect(promise).not.toBeChecked()
  await expect(question).not.toBeChecked()
  await expect(dialog.getByRole('button', { name: 'Add selected' })).toBeDisabled()
  await expect(dialog).toContainText('Due ')
  await promise.check()
  await question.check()
  await dialog.getByRole('button', { name: 'Add selected' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Added to Dana’s record' })).toContainText('Send the revised scope')

  const entryId = entryIdOf(await journalText(app.vaultDir, 'dana-whitfield'))
  expect(entryId).toBeTruthy()
  const record = await clientJson(app.vaultDir, 'dana-whitfield')
  const commitments = record.commitments as Commitment[]
  expect(commitments).toContainEqual(expect.objectContaining({ by: 'me', due: '2026-12-04', entry: entryId }))
  expect(commitments.find((c) => c.entry === entryId)?.what).toMatch(/Send the revised scope/)
  expect(record.questions as Question[]).toContainEqual(expect.objectContaining({ text: 'Who else signs off on the budget?', entry: entryId }))
})

test('nothing is added to the record when the offer is declined', async ({ app }) => {
  const page = app.page
  await addClient(page, 'Sam Okafor')
  const before = await clientJson(app.vaultDir, 'sam-okafor')
  await startReflection(page, 'first meeting')
  await writeUnder(page, 'What I promised', 'Share the case study')
  await writeUnder(page, 'Ask next time', 'What does success look like in March?')
  await waitSaved(page)

  await expect(page.getByText('2 things to add to Sam’s record')).toBeVisible({ timeout: 5000 })
  // Looking and cancelling adds nothing…
  await page.getByRole('button', { name: 'Review…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  // …and "Not now" puts the offer away without writing.
  await page.getByRole('button', { name: 'Not now' }).click()
  await expect(page.getByText('2 things to add to Sam’s record')).toBeHidden()
  // Another save does not bring the declined offer back.
  await page.getByLabel('Title').fill('First call with Sam')
  await waitSaved(page)
  await page.waitForTimeout(1500)
  await expect(page.getByText(/to add to Sam’s record/)).toBeHidden()

  const after = await clientJson(app.vaultDir, 'sam-okafor')
  expect(after.commitments ?? []).toEqual(before.commitments ?? [])
  expect(after.questions ?? []).toEqual(before.questions ?? [])
})
