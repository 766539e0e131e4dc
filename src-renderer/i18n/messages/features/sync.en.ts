/** English texts for devices, pairing and sync. */
export const syncEn = {
  time: {
    justNow: 'just now',
  },
  indicator: {
    label: 'Sync',
    state: {
      notConfigured: 'Not connected',
      connecting: 'Connecting…',
      online: 'Online',
      offline: 'Offline',
      refused: 'Refused',
    },
    offlineSince: 'since {time}',
    lastSynced: 'Synced {ago}',
    sending: 'Sending {count} | Sending {count} reply | Sending {count} replies',
    willSend:
      '{count} will send when online | {count} reply will send when online | {count} replies will send when online',
    syncNow: 'Sync now',
    syncing: 'Syncing…',
  },
  refused: {
    title: 'The shop’s relay no longer accepts this computer.',
    what: 'It was removed from the shop on another device, or its access was cancelled. What is already here stays readable, but nothing new will arrive and replies written here will not be sent.',
    todo: 'If this is a mistake, ask the owner to add this computer again: on a device still in the shop, open Settings › Devices › Add a device, then join with that code from a fresh install of Kedai on this computer.',
  },
  devices: {
    title: 'Devices',
    intro: 'Every computer of the shop sees the same conversations, replies, notes and marks.',
    load: 'The devices could not be listed: {reason}',
    thisDevice: 'this computer',
    added: 'Added {date}',
    removed: 'Removed {date}',
    lastSeen: 'last seen {time}',
    neverSeen: 'not seen since it was added',
    remove: 'Remove',
    removeNamed: 'Remove {name}',
    confirmRemove:
      'Remove “{name}” from the shop? It will no longer receive or send anything for the shop.',
    confirm: 'Yes, remove it',
    cancel: 'Keep it',
    removedDone: '“{name}” was removed from the shop.',
    notJoined: 'This computer is not connected to a relay, so it works alone for now.',
    joinInstead: 'Join a shop another computer already has',
    enrolInstead: 'Connect this shop to a relay instead',
  },
  pairing: {
    add: 'Add a device',
    making: 'Making a code…',
    codeLabel: 'One-time pairing code',
    instructions:
      'On the new computer, install Kedai, choose “Join an existing shop” and type this code with the relay address below. The code works once.',
    relay: 'Relay address',
    expiresIn: 'Expires in {time}',
    expired: 'This code has expired. Make a new one.',
    copy: 'Copy code',
    copied: 'Copied',
    another: 'Make a new code',
    failed: 'No code could be made: {reason}',
    qrLabel: 'QR code holding the relay address and this pairing code',
    qrHint:
      'Or scan this QR with a phone and send its text to the new computer: pasted into “Pairing code”, it fills in the relay address too.',
  },
  relayForm: {
    title: 'Connect this shop to its relay',
    intro:
      'Your relay’s operator gives a one-time enrolment code for the shop’s first computer. Type the relay address and that code.',
    relayUrl: 'Relay address',
    relayUrlHint: 'For example https://relay.example.com',
    code: 'Enrolment code',
    submit: 'Connect',
    connecting: 'Connecting…',
    badUrl: 'Type the relay address as it was given, starting with https:// or http://.',
    codeMissing: 'Type the enrolment code.',
    refused:
      'The relay did not accept this code. Check it, or ask the relay’s operator for a new one.',
    unreachable: 'The relay could not be reached. Check the address and this computer’s internet.',
  },
  join: {
    offer: 'Already have this shop on another computer?',
    open: 'Join an existing shop',
    back: 'Create a new shop instead',
    title: 'Join an existing shop',
    intro:
      'On a computer already in the shop, open Settings › Devices › Add a device. It shows a one-time code and the relay address.',
    relayUrl: 'Relay address',
    code: 'Pairing code',
    codeHint:
      'Four groups of four letters and digits, e.g. K7QM-2XD9-PT4H-WN3B, or the text of the pairing QR',
    passphrase: 'New passphrase for this computer',
    passphraseHint:
      'At least {minimum} characters. It locks the shop on this computer only; the other computers keep theirs.',
    confirmation: 'Type the passphrase again',
    submit: 'Join the shop',
    joining: 'Joining the shop and fetching its history…',
    provisionalName: 'Joining shop',
    fromSettings:
      'The shop’s conversations and history come from the other computer; the quick replies, labels and notes written here join the shop’s.',
    badUrl:
      'Type the relay address shown on the other computer, starting with https:// or http://.',
    codeMissing: 'Type the pairing code shown on the other computer.',
    badCode:
      'This pairing code is wrong, has expired (codes last 10 minutes) or was already used. Make a new one on the other computer and type it here.',
    unreachable:
      'The relay could not be reached. Check the address and this computer’s internet, then try again.',
  },
}
