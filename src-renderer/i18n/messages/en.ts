/**
 * English texts. This file is the shape every other language must match (see id.ts).
 * vue-i18n treats { } @ $ | as syntax: write them as {'{'} and so on if a text ever needs one.
 */
export const en = {
  startup: {
    opening: 'Opening Kedai…',
  },
  connection: {
    missingToken:
      'This address is missing its access token. Open the address Kedai printed when it started.',
    lost: 'Kedai is not answering. Make sure it is still running, then reload this page.',
  },
  nav: {
    label: 'Main',
    inbox: 'Inbox',
    templates: 'Templates',
    costs: 'Costs',
    settings: 'Settings',
  },
  inbox: {
    title: 'Inbox',
    list: {
      title: 'Conversations',
      empty: 'No conversations yet',
      emptyHint: 'When a customer writes to your shop on WhatsApp, the conversation appears here.',
    },
    conversation: {
      title: 'Messages',
      empty: 'No conversation open',
      emptyHint: 'Choose a conversation from the list to read it and reply.',
    },
    customer: {
      title: 'Customer details',
      empty: 'No customer selected',
      emptyHint: 'The customer’s name, number, labels and notes appear here.',
    },
  },
  templates: {
    title: 'Templates',
    empty: 'No templates yet',
    emptyHint:
      'Templates let you write to a customer more than 24 hours after their last message. Creating them comes in a later version.',
  },
  costs: {
    title: 'Costs',
    empty: 'No costs yet',
    emptyHint: 'What each message costs, and what you spent this month, appear here once you send.',
  },
  settings: {
    title: 'Settings',
    saveFailed: 'This setting could not be saved. Try again.',
    language: {
      legend: 'Language',
      system: 'Same as this computer ({language})',
    },
    theme: {
      legend: 'Theme',
      system: 'Same as this computer',
      light: 'Light',
      dark: 'Dark',
    },
    about: {
      title: 'About Kedai',
      version: 'Version',
      shell: 'Running in',
      electron: 'the desktop app',
      browser: 'a web browser',
      unavailable: 'Not available while Kedai cannot be reached.',
    },
  },
  /** Each language is named in itself, so an owner who cannot read the current one finds theirs. */
  languageNames: {
    id: 'Bahasa Indonesia',
    en: 'English',
  },
}

export type MessageSchema = typeof en
