/** The people around a client: its People tab and commands. */
export { PeopleCommands } from './PeopleCommands'
export { peopleTab } from './views'
