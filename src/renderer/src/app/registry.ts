/**
 * The app's views, in the order they are shown, and the features' command
 * hosts. A feature adds its view or its commands here with one line; App and
 * the sidebar read these lists and nothing else.
 */
import type { ClientTab, CommandHost, GlobalView } from '@renderer/platform/views'
import { BriefCommand, briefTab } from '@renderer/brief'
import { ClientCommands } from '@renderer/clients'
import { ContactsCommands } from '@renderer/contacts'
import { EntryCommands } from '@renderer/journal'
import { MentionNavigator } from '@renderer/mentions'
import { PaletteCommand } from '@renderer/palette'
import { PeopleCommands, peopleTab } from '@renderer/people'
import { RelationshipCommands, commitmentsView, profileTab, timelineTab, todayView } from '@renderer/relationship'
import { trashView } from '@renderer/safety'
import { SearchCommand, searchView } from '@renderer/search'
import { PlainExportConfirm, SecurityCommands } from '@renderer/security'
import { ReflectionCommand, reflectionsTab, reflectionsView, templatesView } from '@renderer/templates'
import { TransferCommands } from '@renderer/transfer'

export const globalViews: GlobalView[] = [searchView, todayView, commitmentsView, templatesView, reflectionsView, trashView]

export const clientTabs: ClientTab[] = [briefTab, profileTab, peopleTab, timelineTab, reflectionsTab]

/** Mounted once each for as long as the vault is open; each registers the commands its feature owns and shows their dialogs. */
export const commandHosts: CommandHost[] = [
  EntryCommands,
  ReflectionCommand,
  ClientCommands,
  BriefCommand,
  PeopleCommands,
  MentionNavigator,
  RelationshipCommands,
  TransferCommands,
  ContactsCommands,
  PaletteCommand,
  SecurityCommands,
  PlainExportConfirm,
  SearchCommand
]
