/**
 * English texts. This file is the shape every other language must match (see id.ts).
 * vue-i18n treats { } @ $ | as syntax: write them as {'{'} and so on if a text ever needs one.
 */
import { costsEn } from './features/costs.en'
import { syncEn } from './features/sync.en'
import { customersEn } from './features/customers.en'
import { searchEn } from './features/search.en'
import { templatesEn } from './features/templates.en'

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
    templates: 'Replies',
    costs: 'Costs',
    settings: 'Settings',
  },
  inbox: {
    title: 'Inbox',
    list: {
      title: 'Conversations',
      label: 'Conversations, newest first',
      empty: 'No conversations yet',
      emptyHint: 'When a customer writes to your shop on WhatsApp, the conversation appears here.',
      loading: 'Loading conversations…',
      loadFailed: 'The conversations could not be read.',
      refreshFailed: 'The list could not be updated just now; it shows what Kedai last read.',
      retry: 'Try again',
      noMatch: 'No conversation matches.',
      showAll: 'Show all conversations',
      unread: '{count} unread',
      waiting: 'Waiting {duration}',
      pinned: 'Pinned',
    },
    search: {
      label: 'Search conversations',
      placeholder: 'Search names, numbers, messages',
    },
    filters: {
      label: 'Show',
      all: 'All',
      unread: 'Unread',
      waiting: 'Waiting',
      windowOpen: 'Window open',
      archived: 'Archived',
    },
    window: {
      label: 'Service window:',
      closed: 'closed',
      hoursLeft: '{hours} h left',
      minutesLeft: '{minutes} min left',
      closesIn: 'closes in {hours} h {minutes} m',
      closesInMinutes: 'closes in {minutes} m',
      freeEntry: 'Free entry',
      freeEntryFor: 'Free entry: messages free for {duration}',
      freeEntryIfAnswered: 'Free entry if you answer now',
      freeEntryHint:
        'This customer came from an ad or your Facebook Page. Answer within 24 hours and everything you send for the next 72 hours is free.',
    },
    time: {
      today: 'Today',
      yesterday: 'Yesterday',
      lessThanMinute: 'under 1 min',
      minutes: '{count} min',
      hours: '{count} h',
      days: '{count} d',
      withCustomerTime: '{time} (your time) · {theirs} for the customer ({zone})',
    },
    preview: {
      fromShop: 'You: {text}',
      labelled: '{label}: {text}',
      photo: '📷 Photo',
      video: '🎞️ Video',
      voice: '🎤 Voice message',
      audio: '🎵 Audio',
      document: '📄 Document',
      sticker: '🙂 Sticker',
      location: '📍 Location',
      contacts: '👤 Contact',
      order: '🛒 Order, {count} items',
      reaction: 'Reacted {emoji}',
      reactionRemoved: 'Took a reaction back',
      system: 'WhatsApp notice',
      unsupported: 'A message Kedai cannot show',
    },
    conversation: {
      title: 'Messages',
      empty: 'No conversation open',
      emptyHint: 'Choose a conversation from the list to read it and reply.',
      log: 'Messages with {name}',
      loading: 'Loading messages…',
      loadFailed: 'The messages could not be read.',
      older: 'Show earlier messages',
      loadingOlder: 'Loading earlier messages…',
      start: 'This is the start of the conversation.',
    },
    message: {
      you: 'You',
      reply: 'Reply',
      replyTo: 'Reply to this message from {author}',
      showQuoted: 'Show the message this answers',
      earlierMessage: 'An earlier message',
      fromAd: 'From an ad',
      fromPhoneApp: 'Sent from the WhatsApp Business app',
      tappedButton: 'Tapped a button',
      reactedTo: 'reacted to',
      reactionRemoved: 'Took back a reaction to',
      systemNotice: 'A notice from WhatsApp',
      unsupported: 'A kind of message Kedai cannot show ({type}).',
      unsupportedHint: 'Ask the customer to send it again as text or a photo.',
    },
    media: {
      image: 'Photo',
      video: 'Video',
      audio: 'Audio',
      voice: 'Voice message',
      document: 'Document',
      sticker: 'Sticker',
      notShown: 'Not downloaded: Kedai does not load media yet.',
      sentFromShop: 'Sent from your quick replies.',
    },
    location: {
      title: 'Location',
      coordinates: 'Latitude {latitude}, longitude {longitude}',
    },
    contacts: {
      title: 'Shared contact',
    },
    order: {
      title: 'Order',
      item: 'Item',
      quantity: 'Quantity',
      price: 'Price',
      total: 'Total',
      mixedCurrencies: 'several currencies',
    },
    delivery: {
      queued: 'Waiting to be sent',
      unknown: 'Not sure it was sent: Kedai will not send it twice',
      sent: 'Sent',
      delivered: 'Delivered',
      read: 'Read',
      played: 'Played',
      failed: 'Not delivered',
    },
    failure: {
      title: 'Not delivered',
      whatToDo: 'What to do:',
      code: 'WhatsApp error {code}',
      reasons: {
        windowClosed: {
          explanation:
            'More than 24 hours have passed since this customer last wrote, so WhatsApp only accepts an approved template now.',
          ownerAction:
            'Send an approved template. When the customer answers, you can write freely again for 24 hours.',
        },
        undeliverable: {
          explanation:
            'WhatsApp could not deliver this message: the number may not be on WhatsApp, or the customer has not accepted the latest WhatsApp terms or uses a very old app.',
          ownerAction:
            'Check the number with the customer another way. Sending the same message again will not help.',
        },
        rateLimited: {
          explanation: 'Your number sent too many messages in a short time.',
          ownerAction: 'Nothing to do: Kedai slows down and sends it again by itself.',
        },
        pairRateLimited: {
          explanation: 'Too many messages went to this one customer in a short time.',
          ownerAction:
            'Nothing to do: Kedai waits a few seconds and sends it again. Fewer, longer messages avoid this.',
        },
        marketingCap: {
          explanation:
            'WhatsApp held back this marketing message because this customer has recently received many marketing messages from businesses.',
          ownerAction:
            'Do not resend it now. Try again in a day or more, or wait until the customer writes to you.',
        },
        optedOut: {
          explanation:
            'This customer has chosen to stop receiving marketing messages from your business.',
          ownerAction:
            'Send them no more promotions. Replies to their questions and order updates still reach them.',
        },
        spamRateLimited: {
          explanation:
            'WhatsApp is limiting your number because many customers blocked or reported its messages.',
          ownerAction:
            'Pause promotions, write only to customers who asked to hear from you, and check your quality rating.',
        },
        templateProblem: {
          explanation: 'WhatsApp refused the template.',
          ownerAction:
            'Open the template: check that it is approved, in the right language, and that every value is filled in.',
        },
        tokenExpired: {
          explanation:
            'The access token the relay uses to talk to WhatsApp has expired or is not valid.',
          ownerAction: 'Ask whoever runs your relay to renew the WhatsApp access token.',
        },
        notInAllowList: {
          explanation:
            'This number is not one of the test recipients allowed for your WhatsApp test account.',
          ownerAction:
            "Add the number to the allowed recipients in Meta's developer dashboard, or switch to a production number.",
        },
        unsupportedMessage: {
          explanation: 'This kind of message cannot pass between WhatsApp and business apps yet.',
          ownerAction: 'Ask the customer to send it again as text or a photo.',
        },
        mediaProblem: {
          explanation: 'WhatsApp could not take the photo or document of this message.',
          ownerAction:
            'Open the quick reply and attach the file again (a JPEG or PNG photo, or a PDF), then send it anew.',
        },
        unknown: {
          explanation: 'WhatsApp refused this message for a reason Kedai does not know yet.',
          ownerAction:
            'Do not resend it blindly. The error code and details tell what happened; they are kept with the message.',
        },
      },
      codes: {
        c132000: {
          explanation: "The number of values given does not match the template's placeholders.",
          ownerAction: 'Fill in every placeholder of the template and send it again.',
        },
        c132001: {
          explanation: 'This template does not exist in that language, or is not approved yet.',
          ownerAction: "Check the template's name and language, and that WhatsApp approved it.",
        },
        c132005: {
          explanation: 'The template with its values filled in is too long.',
          ownerAction: 'Use shorter values.',
        },
        c132007: {
          explanation: "The template's text breaks WhatsApp's format or content rules.",
          ownerAction: 'Edit the template and submit it for review again.',
        },
        c132012: {
          explanation:
            'A value does not have the format the template expects (for example, text where it expects a picture).',
          ownerAction: 'Check the header and the values you filled in.',
        },
        c132015: {
          explanation: 'This template is paused because its quality is low.',
          ownerAction: 'Edit the template or use another one; a paused template cannot be sent.',
        },
        c132016: {
          explanation: 'This template was disabled because its quality stayed low.',
          ownerAction: 'Create a new template; this one can no longer be sent.',
        },
      },
    },
    composer: {
      label: 'Message to {name}',
      placeholder: 'Write a reply',
      send: 'Send',
      window: 'Service window {countdown}',
      counter: '{count} / {limit} characters',
      tooLong:
        'Too long to send: {count} characters. WhatsApp takes at most {limit} in one message; split it into two.',
      captionTooLong:
        'Too long to send with the file: {count} characters. WhatsApp takes at most {limit} in a caption.',
      attachmentLabel: 'Will be sent with',
      removeAttachment: 'Remove attachment',
      replyingTo: 'Replying to',
      cancelReply: 'Cancel the reply',
      refusedWindowClosed:
        'Not sent: the customer’s 24-hour window has closed, so WhatsApp only allows an approved template now. Your text is kept below.',
      windowClosed:
        'The customer last wrote more than 24 hours ago, so WhatsApp only allows an approved template.',
      neverWrote:
        'This customer has not written to you yet, so WhatsApp only allows an approved template.',
      chooseTemplate: 'Choose a template',
    },
    templates: {
      title: 'Templates',
      close: 'Close',
      empty: 'No approved templates yet',
      hint: 'Templates are written in Kedai and approved by WhatsApp; this comes in a later version.',
    },
    customer: {
      title: 'Customer details',
      empty: 'No customer selected',
      emptyHint: 'The customer’s name, number, labels and notes appear here.',
      unknown: 'Unknown customer',
      profileName: 'On WhatsApp: {name}',
      phone: 'Phone',
      country: 'Country',
      market: 'Market for pricing',
      firstSeen: 'First seen',
      notKnown: 'Not known',
      optedOut: 'Opted out of marketing on {date}',
      optedOutShort: 'No marketing',
    },
    shortcuts: {
      show: 'Keyboard shortcuts',
      title: 'Keyboard shortcuts',
      keys: 'Keys',
      action: 'What they do',
      or: 'or',
      move: 'Move between conversations in the list',
      openConversation: 'Open the conversation',
      adjacent: 'Open the previous or next conversation, from anywhere',
      search: 'Search conversations',
      send: 'Send the message',
      newLine: 'New line in the message',
      cancelReply: 'Cancel a reply, or close this sheet',
      sheet: 'Show this sheet',
      lock: 'Lock Kedai',
      close: 'Close',
    },
    markets: {
      indonesia: 'Indonesia',
      india: 'India',
      brazil: 'Brazil',
      mexico: 'Mexico',
      northAmerica: 'North America',
      malaysia: 'Malaysia',
      singapore: 'Singapore',
      restOfAsiaPacific: 'Rest of Asia Pacific',
      restOfLatinAmerica: 'Rest of Latin America',
      restOfAfrica: 'Rest of Africa',
      restOfCentralEasternEurope: 'Rest of Central & Eastern Europe',
      restOfWesternEurope: 'Rest of Western Europe',
      restOfMiddleEast: 'Rest of Middle East',
      other: 'Other',
      argentina: 'Argentina',
      chile: 'Chile',
      colombia: 'Colombia',
      egypt: 'Egypt',
      france: 'France',
      germany: 'Germany',
      israel: 'Israel',
      italy: 'Italy',
      netherlands: 'Netherlands',
      nigeria: 'Nigeria',
      pakistan: 'Pakistan',
      peru: 'Peru',
      russia: 'Russia',
      saudiArabia: 'Saudi Arabia',
      southAfrica: 'South Africa',
      spain: 'Spain',
      turkey: 'Turkey',
      unitedArabEmirates: 'United Arab Emirates',
      unitedKingdom: 'United Kingdom',
    },
  },
  templates: templatesEn,
  costs: costsEn,
  sync: syncEn,
  customers: customersEn,
  search: searchEn,
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
