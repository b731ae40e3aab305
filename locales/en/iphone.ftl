# kiroku import iphone-backup: the backup that Finder or iTunes / Apple Devices writes.

cmd-import-arg-passphrase-file = iphone-backup: a file holding the backup's passphrase (else KIROKU_BACKUP_PASSPHRASE, else asked on the terminal)

iphone-one-folder = iphone-backup reads one backup folder at a time
iphone-not-folder = { $dir } is not a folder
iphone-not-folder-hint = give the backup folder itself: the one holding Manifest.db, Manifest.plist and Info.plist (see docs/import.md for where Finder and Apple Devices keep it)
iphone-no-manifest = { $dir } has no Manifest.db, so it is not an iPhone backup folder (it holds: { $found })
iphone-no-manifest-hint = give the folder named after the phone's ID inside MobileSync/Backup; if the backup was stopped, back up again; nothing was recorded
iphone-folder-empty = nothing
iphone-folder-more = { $count ->
    [one] { " " }and 1 more
   *[other] { " " }and { $count } more
}
iphone-too-old = { $dir } is a backup made by iOS 9 or earlier (Manifest.mbdb), which kiroku does not read
iphone-too-old-hint = update the phone if it can be, then back up again with Finder or Apple Devices; nothing was recorded
iphone-damaged = { $file } in the backup cannot be read ({ $reason })
iphone-damaged-hint = the backup may be damaged or unfinished: make a new backup and import that; nothing was recorded
iphone-no-files-table = it has no Files table
iphone-schema-table = { $file } has no table { $table }: this iOS version ({ $ios }) keeps it in a layout kiroku does not know
iphone-schema-column = { $file }: table { $table } has no column { $column }: this iOS version ({ $ios }) keeps it in a layout kiroku does not know
iphone-schema-hint = nothing was recorded; please report the iOS version so that kiroku can learn it, and meanwhile record the contacts with kiroku add
iphone-wrong-passphrase = the passphrase does not open this backup
iphone-wrong-passphrase-hint = it is the password set for "Encrypt local backup" in Finder or Apple Devices, not the phone's passcode; nothing was recorded
iphone-passphrase-prompt = Backup password (set for "Encrypt local backup")
iphone-passphrase-missing = this backup is encrypted, and no passphrase was given
iphone-passphrase-missing-hint = run the command at a terminal to be asked, or give --passphrase-file FILE or KIROKU_BACKUP_PASSPHRASE (never on the command line itself); nothing was recorded
iphone-passphrase-file-empty = { $file } is empty
iphone-passphrase-file-not-text = { $file } is not text (UTF-8)
iphone-passphrase-env-not-text = KIROKU_BACKUP_PASSPHRASE is not text (UTF-8)
iphone-passphrase-file-hint = put the backup password alone on the first line of a text file; nothing was recorded
iphone-passphrase-not-read = the passphrase could not be read from the terminal ({ $reason })
iphone-nothing = { $dir } holds neither call history nor messages
iphone-nothing-hint = the phone may have been backed up to iCloud only: back it up to this computer with Finder or Apple Devices; nothing was recorded
iphone-no-calls = this backup has no call history: Apple keeps calls only in encrypted backups
iphone-no-calls-hint = turn on "Encrypt local backup" in Finder or Apple Devices and back up again, or add --skip-bad to import the messages alone; nothing was recorded
iphone-no-calls-encrypted = this backup has no call history (Library/CallHistoryDB/CallHistory.storedata)
iphone-no-calls-encrypted-hint = the phone may keep its calls in iCloud only; add --skip-bad to import the messages alone; nothing was recorded
iphone-no-messages = this backup has no messages (Library/SMS/sms.db)
iphone-no-messages-hint = Messages in iCloud may be turned on, so the phone keeps them in iCloud only; add --skip-bad to import the calls alone; nothing was recorded
iphone-bad-no-date = it has no date
iphone-bad-date = its date { $value } is not a time
iphone-bad-address = its number or address is not text
iphone-bad-duration = its duration { $value } is not a number of seconds
iphone-bad-call-flags = it says neither incoming nor outgoing (originated { $originated }, answered { $answered })
iphone-bad-record = { $position }: { $message }{ $more ->
    [0] { "" }
    [one] { " " }(and 1 more problem)
   *[other] { " " }(and { $more } more problems)
}
iphone-bad-record-hint = use --skip-bad to import the rest and list what was skipped; nothing was recorded
iphone-skipped = skipped { $position }: { $message }

iphone-note-withheld = Number withheld: the call history holds no number.
iphone-note-group = In the group chat "{ $name }" ({ $count } people).
iphone-note-reaction = A reaction (tapback) to an earlier message.
iphone-note-edited = Edited by the sender ({ $at }); the text is the last version the phone kept.
iphone-note-unsent = Unsent by the sender ({ $at }); the text is what the phone still held.
iphone-note-unsent-empty = Unsent by the sender ({ $at }); the phone kept no text.
iphone-note-attachment = Attachment: { $name }
iphone-note-attachment-missing = Attachment not in the backup: { $name }

iphone-unknown = unknown
iphone-encrypted = encrypted
iphone-not-encrypted = not encrypted
iphone-about = iPhone backup of "{ $device }" (iOS { $ios }, backed up { $date }, { $encrypted })
iphone-import-note = Imported { $count ->
    [one] 1 record
   *[other] { $count } records
} from the { $about } (iphone-backup) as entries { $first } to { $last }.
iphone-progress-reading = reading the backup
iphone-progress-attachments = attachments
iphone-progress-recording = recording
iphone-recorded = Recorded entries { $first } to { $last }; entry { $note } notes the import
iphone-dry-run = (dry run: nothing was written)

iphone-keybag-cut = its keybag is cut short
iphone-keybag-no-salt = its keybag has no salt or round count
iphone-keybag-no-keys = its keybag holds no keys protected by the passphrase
iphone-keybag-rounds = its keybag asks for { $dpic } and { $iter } rounds of key derivation, far more than iOS uses
iphone-plist-not-dict = it is not a property list dictionary
iphone-plist-no-file = it does not describe a file
iphone-plist-bad-key = its file key is not where it should be
iphone-reason-no-manifest-key = it has no ManifestKey
iphone-reason-not-blocks = its length is not a whole number of AES blocks
iphone-reason-bad-key = its key does not unwrap
iphone-reason-no-class-key = the keybag has no key for protection class { $class }
iphone-changed = { $file } changed while it was being read
iphone-no-case = there is no case file to import into
