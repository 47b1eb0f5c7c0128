/** @-mentions of people, clients and entries: the editor's suggestion menu, rapport: links, backlinks. */
export { BacklinksList } from './BacklinksList'
export { LinkedFrom } from './LinkedFrom'
export { MentionNavigator } from './MentionNavigator'
export { MentionPopup } from './MentionPopup'
export { MentionMenuStore, mentionSuggestion } from './mention-suggestion'
export { onWantPerson, openRapportLink, takeWantedPerson } from './open-link'
