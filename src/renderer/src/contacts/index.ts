/** Contacts: importing and exporting clients and people as vCard/CSV. */
export { ContactsCommands } from './ContactsCommands'
