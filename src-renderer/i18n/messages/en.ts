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
  failure: {
    notAnswering: 'Kedai is not answering. Try again in a moment.',
  },
  vault: {
    language: 'Language',
    create: {
      title: 'Create your shop',
      intro:
        'Kedai keeps your shop’s conversations on this computer, locked with a passphrase that only you know.',
      shopName: 'Shop name',
      shopNameHint: 'The name you use with your customers. Only you see it here.',
      passphrase: 'Passphrase',
      passphraseHint: 'At least {minimum} characters. A few words you will remember work well.',
      confirmation: 'Type the passphrase again',
      keepItSafe:
        'Kedai cannot recover a forgotten passphrase. Write it down and keep it somewhere safe.',
      submit: 'Create my shop',
      creating: 'Creating your shop… Turning your passphrase into a key takes a moment.',
      progress: 'Creating your shop',
      nameMissing: 'Give your shop a name.',
      tooShort: 'Use at least {minimum} characters.',
      mismatch: 'The two passphrases are not the same.',
    },
    strength: {
      tooShort: 'Too short: at least {minimum} characters',
      weak: 'Weak: add more words or characters',
      fair: 'Fair: a little longer would be stronger',
      strong: 'Strong',
    },
    unlock: {
      title: 'Kedai is locked',
      intro: 'Enter your passphrase to open your shop.',
      passphrase: 'Passphrase',
      submit: 'Unlock',
      unlocking: 'Unlocking…',
      empty: 'Enter your passphrase.',
      wrong: 'That passphrase is not right.',
      restored:
        'The backup of {date} is back in place. Unlock it with the passphrase your shop had then.',
    },
    damaged: {
      title: 'Your shop’s data file could not be opened',
      intro:
        'Nothing has been deleted. You can put a backup in its place; the file that does not open is kept aside.',
      found: 'What Kedai found:',
      restoreLatest: 'Restore the latest backup ({date})',
      restoreLatestHint:
        'Kedai makes this backup by itself whenever it closes normally. It opens with the passphrase your shop had then.',
      restoring: 'Restoring the backup…',
      noBackup: 'There is no automatic backup on this computer yet.',
      fromFile: 'Or restore a backup you exported',
    },
    unreachable: {
      title: 'Kedai cannot open your shop right now',
      intro: 'Kedai did not answer when asked whether your shop is locked.',
      retry: 'Try again',
    },
    lock: {
      button: 'Lock',
      description: 'Lock Kedai now ({shortcut})',
    },
  },
  backup: {
    export: {
      button: 'Export a backup',
      exporting: 'Preparing the backup…',
      done: 'Saved as {file}. The backup is as locked as your shop: it opens with your current passphrase.',
    },
    restore: {
      choose: 'Restore from a file',
      intro:
        'Kedai checks the file before replacing anything. Your current data is not deleted: it is kept aside with the backups.',
      reading: 'Reading the file…',
      unreadable: 'That file could not be read. Nothing was changed.',
      chosen: 'Backup file: {name}',
      passphrase: 'The backup’s passphrase',
      passphraseHint: 'The passphrase your shop had when this backup was made.',
      empty: 'Enter the backup’s passphrase.',
      submit: 'Restore this backup',
      cancel: 'Cancel',
      restoring: 'Checking and restoring the backup…',
      done: 'The backup is restored and your shop is open.',
      wrongPassphrase: 'That is not this backup’s passphrase. Nothing was changed.',
    },
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
    security: {
      title: 'Security',
      autoLock: {
        legend: 'Lock Kedai when I have been away for',
        never: 'Never lock by itself',
        minutes: '{count} minutes',
        hour: '1 hour',
      },
      passphrase: {
        title: 'Change passphrase',
        intro: 'Only the key that opens your data is locked again, so this is quick.',
        current: 'Current passphrase',
        next: 'New passphrase',
        confirmation: 'Type the new passphrase again',
        submit: 'Change passphrase',
        changing: 'Changing the passphrase…',
        done: 'Your passphrase is changed. Use the new one from now on.',
        wrong: 'The current passphrase is not right. Nothing was changed.',
        currentMissing: 'Enter your current passphrase.',
      },
      remember: {
        label: 'Remember on this computer',
        hint: 'Kedai then opens without asking for the passphrase, using this computer’s keychain. Anyone who can use this computer account can open your shop.',
        unavailable: 'Not available here:',
        confirm: 'Enter your passphrase to turn this on.',
        passphrase: 'Passphrase',
        submit: 'Remember',
        cancel: 'Cancel',
        wrong: 'That passphrase is not right. Nothing was changed.',
        empty: 'Enter your passphrase.',
      },
      backup: {
        title: 'Backup',
        restore: 'Restore from a backup',
        intro:
          'Kedai keeps a few backups by itself. Export one to keep a copy somewhere else, such as a USB stick.',
      },
      tamper: {
        title: 'Messages that could not be opened',
        intro: 'Some messages could not be opened and are hidden:',
        message: 'conversation {conversation}, message {message}',
        conversation: 'conversation {conversation}',
        other: '{table} ({column}), row {row}',
        why: 'They were changed outside Kedai or damaged on the disk. Everything else in your shop is fine.',
      },
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
