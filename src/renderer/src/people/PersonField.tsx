import { AutosaveTextField } from '@renderer/relationship'

/**
 * A text field of a person that saves as you type, exactly as the profile's
 * fields do (half a second after the last key, and on leaving it); `null`
 * clears the field.
 */
export function PersonField({
  label,
  value,
  save,
  multiline,
  type = 'text'
}: {
  label: string
  value: string | undefined
  save: (value: string | null) => Promise<void>
  multiline?: boolean
  type?: 'text' | 'email' | 'tel'
}) {
  return <AutosaveTextField<string | null> label={label} value={value} toPatch={(v) => v} save={save} {...(multiline ? { multiline } : {})} type={type} />
}
