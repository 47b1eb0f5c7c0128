import type { ClientFile } from '@shared/domain'
import { AutosaveTextField, ChipsField, ChoiceField } from './profile-fields'
import type { ProfilePatchInput } from './profile-fields'
import { channelWords, channels } from './words'

type Style = NonNullable<ClientFile['style']>

/** A change to someone's working style, as client.json's `style` takes it (a client's, or one of their people's). */
export type StylePatchInput = NonNullable<ProfilePatchInput['style']>
/** A change to their likes and dislikes (client.json's `person`). */
export type LikesPatchInput = Pick<NonNullable<ProfilePatchInput['person']>, 'likes' | 'dislikes'>

/**
 * How someone likes to do business: preferred channel, detail or big picture,
 * small talk first or straight to business, best times, time zone, how fast
 * they expect replies, and notes. The same fields for a client and for each
 * of their people, over the same `style` of client.json; an older free-text
 * style is the notes here, so it stays as it was written.
 */
export function WorkingStyleFields({
  style,
  save,
  timeZoneHint
}: {
  style: Style
  save: (patch: StylePatchInput) => Promise<void>
  /** Their time now, or why the zone cannot be read (a client's profile has it from the core). */
  timeZoneHint?: string
}) {
  return (
    <>
      <div className="field-row three">
        <ChoiceField
          label="Preferred channel"
          value={style.channel}
          options={channels.map((value) => ({ value, label: channelWords[value] }))}
          onChoose={(value) => save({ channel: value })}
        />
        <ChoiceField
          label="Detail"
          value={style.detail}
          options={[
            { value: 'detail', label: 'Wants the detail' },
            { value: 'big-picture', label: 'Big picture' }
          ]}
          onChoose={(value) => save({ detail: value })}
        />
        <ChoiceField
          label="Opening"
          value={style.opening}
          options={[
            { value: 'small-talk-first', label: 'Small talk first' },
            { value: 'straight-to-business', label: 'Straight to business' }
          ]}
          onChoose={(value) => save({ opening: value })}
        />
      </div>
      <div className="field-row three">
        <AutosaveTextField<StylePatchInput> label="Best times" value={style.bestTimes} placeholder="Mornings" save={save} toPatch={(v) => ({ bestTimes: v })} />
        <AutosaveTextField<StylePatchInput>
          label="Time zone"
          value={style.timeZone}
          placeholder="Europe/London"
          {...(timeZoneHint ? { hint: timeZoneHint } : {})}
          save={save}
          toPatch={(v) => ({ timeZone: v })}
        />
        <AutosaveTextField<StylePatchInput>
          label="Expects replies within"
          value={style.replyWithin}
          placeholder="Same day"
          save={save}
          toPatch={(v) => ({ replyWithin: v })}
        />
      </div>
      <AutosaveTextField<StylePatchInput> label="Notes on their style" multiline value={style.notes} save={save} toPatch={(v) => ({ notes: v })} />
    </>
  )
}

/** Their likes and dislikes, one chip each: the same for a client and for each of their people. */
export function LikesFields({
  likes,
  dislikes,
  save
}: {
  likes: readonly string[]
  dislikes: readonly string[]
  save: (patch: LikesPatchInput) => Promise<void>
}) {
  return (
    <div className="field-row">
      <ChipsField label="Likes" values={likes} placeholder="Jazz, sailing…" onChange={(next) => save({ likes: next })} />
      <ChipsField label="Dislikes" values={dislikes} placeholder="Long decks…" onChange={(next) => save({ dislikes: next })} />
    </div>
  )
}
