## kiroku backup, restore and verify --backup

backup-done = Backed up the case into { $path }.
backup-done-encrypted = Wrote the encrypted backup { $path }.
backup-restored = Restored the case into { $path }.
backup-summary-entries = { $count ->
    [one] entries: 1 (entry 1)
   *[other] entries: { $count } (1–{ $count })
}
backup-summary-files = evidence files: { $count } ({ $size }); copied this time: { $copied } ({ $copied_size })
backup-summary-archive = archive size: { $size }
backup-summary-head = head: { $head }
backup-summary-verified = Checked: the chain of the copy and every evidence file it holds.

backup-failed = the backup could not be finished: { $problem }
backup-failed-previous-kept = the previous backup in { $path } is unchanged and usable (entries 1–{ $entries }); free some space or reconnect the disk and run `kiroku backup` again
backup-failed-no-previous = no usable backup was made; free some space or reconnect the disk and try again

backup-dest-not-folder = { $path } is a file, not a folder
backup-dest-not-folder-hint = give a folder for the backup, or add --encrypt to write one encrypted archive
backup-dest-no-parent = the folder that should hold { $path } does not exist
backup-dest-no-parent-hint = check that the disk or stick is connected, or create the folder first
backup-dest-not-empty = { $path } is not empty and holds no kiroku backup
backup-dest-not-empty-hint = choose an empty or a new folder, or the folder of an earlier backup of this case
backup-dest-not-archive = { $path } exists and is not an encrypted kiroku backup
backup-dest-not-archive-hint = choose another file name; it was not changed
backup-dest-other-case-hint = each case needs its own backup folder; choose another folder
backup-other-case = { $path } holds a backup of another case (case id { $case })
backup-other-case-hint = check that you chose the right backup
backup-verify-other-case-hint = check that you chose the backup of this case (--db)

backup-live-not-intact = the case file is not intact: { $problem }
backup-live-not-intact-hint = run `kiroku verify`; nothing was backed up over the previous backup
backup-live-file-unreadable = the evidence file "{ $name }" cannot be read ({ $problem })
backup-live-file-changed = the evidence file "{ $name }" was altered in the evidence folder
backup-snapshot-unreadable = the temporary copy of the case file cannot be read
backup-copy-differs = the copy does not match what was written

backup-not-a-backup = { $path } is not a kiroku backup
backup-not-a-backup-hint = give a folder written by `kiroku backup`, or a file written by `kiroku backup --encrypt`
backup-newer-format = { $path } was written by a newer version of kiroku
backup-newer-format-hint = install the newer kiroku to restore it; nothing was changed
backup-damaged = the backup { $path } is damaged: { $problem }
backup-damaged-hint = nothing was restored or replaced; use another copy of the backup
backup-no-case-copy = it holds no copy of the case file
backup-no-manifest = it holds no description of the backup
backup-file-missing = the evidence file "{ $name }" is missing
backup-file-changed = the evidence file "{ $name }" was altered
backup-unexpected-member = it holds an unexpected file "{ $name }"
backup-source-missing = there is no backup at { $path }
backup-source-missing-hint = check that the disk or stick is connected and the path is right
backup-restore-exists = { $path } already exists
backup-restore-exists-hint = restore never overwrites a case; choose a new path with --db
backup-restore-no-folder = the folder { $path } does not exist
backup-restore-no-folder-hint = create it first, or choose another path with --db

backup-wrong-passphrase = the passphrase does not open { $path }
backup-wrong-passphrase-hint = check the passphrase (capital letters, spaces) and try again; nothing was restored
backup-passphrase-prompt = Passphrase for the encrypted backup
backup-passphrase-again = The same passphrase again
backup-passphrase-mismatch = The two passphrases differ; please type them again.
backup-passphrase-not-read = the passphrase could not be read ({ $problem })
backup-passphrase-needed = an encrypted backup needs a passphrase
backup-passphrase-needed-hint = run it in a terminal to be asked, or use --passphrase-file FILE or the KIROKU_PASSPHRASE environment variable (never the command line)
backup-passphrase-empty = the passphrase is empty
backup-passphrase-file-not-text = { $path } is not a text file
backup-passphrase-env-not-text = KIROKU_PASSPHRASE is not text
backup-passphrase-without-encrypt = --passphrase-file only applies with --encrypt
backup-passphrase-without-encrypt-hint = add --encrypt for an encrypted archive, or leave out --passphrase-file for a backup folder

backup-remind-never = this case has never been backed up; `kiroku backup FOLDER` copies it to a USB stick or another disk
backup-remind = the last backup is { $days ->
    [one] 1 day
   *[other] { $days } days
} old and { $count ->
    [one] 1 entry
   *[other] { $count } entries
} behind; `kiroku backup FOLDER` brings it up to date

backup-verify-ok = OK: the backup has entries 1–{ $entries } of { $total }; { $missing ->
    [0] every evidence file is backed up.
    [one] 1 evidence file not yet backed up.
   *[other] { $missing } evidence files not yet backed up.
}
backup-verify-files = { $count ->
    [0] The backup holds no evidence files.
    [one] The evidence file in the backup matches its SHA-256.
   *[other] All { $count } evidence files in the backup match their SHA-256.
}
backup-verify-behind = `kiroku backup { $path }` brings it up to date.
backup-verify-not-intact = NOT INTACT: { $problem }
backup-verify-also = also: { $problem }
backup-not-prefix = the backup's entry { $entries } is not that entry of the case: the backup is not a copy of this record
backup-verify-failed = the backup is not an intact copy of this case: { $problem }
backup-verify-failed-hint = keep both as they are; make a new backup into another folder

cmd-backup-about = Copy the case and its evidence into a backup folder, or one encrypted archive
cmd-backup-arg-dest = The backup folder (e.g. on a USB stick), or with --encrypt the archive file
cmd-backup-arg-encrypt = Write one encrypted archive (age, passphrase) instead of a folder
cmd-backup-arg-passphrase-file = Read the passphrase from the first line of this file
cmd-backup-arg-json = Print the result as JSON
cmd-restore-about = Make a case file again from a backup folder or an encrypted archive
cmd-restore-arg-source = A backup folder, or an encrypted archive (.age) written by `kiroku backup --encrypt`
cmd-restore-arg-passphrase-file = Read the passphrase of an encrypted archive from the first line of this file
cmd-restore-arg-json = Print the result as JSON
cmd-verify-arg-backup = Check a backup (a folder, or an encrypted archive) against the case instead: is it an unchanged copy of the first entries, are its evidence files intact
cmd-backup-after =
    A backup folder holds a copy of the case file and of every evidence file.
    Backing up into the same folder again copies only what is new; the copy is
    replaced only once the new one is complete, so an interrupted backup (a
    full disk, a stick pulled out) leaves the previous one usable.

    --encrypt writes one archive instead (age, with a passphrase), for cloud
    folders. The passphrase is asked twice, or read from --passphrase-file or
    KIROKU_PASSPHRASE; it is never given on the command line. Without it the
    archive cannot be opened: keep it somewhere safe.

    Examples:
      kiroku backup /media/usb/kiroku-backup
      kiroku backup ~/Dropbox/kiroku.age --encrypt
      kiroku verify --backup /media/usb/kiroku-backup
      kiroku verify --backup ~/Dropbox/kiroku.age
      kiroku restore /media/usb/kiroku-backup --db ~/new/kiroku.sqlite
cmd-restore-after =
    The case file given with --db must not exist yet: restore never overwrites
    a case. Everything is checked (the chain and every evidence file) before
    the case file appears; the restored case has the same case id and head
    hash as the one backed up, and new entries chain on.

    Examples:
      kiroku restore /media/usb/kiroku-backup --db ~/kiroku/kiroku.sqlite
      kiroku restore ~/Dropbox/kiroku.age --db ~/kiroku/kiroku.sqlite
backup-io-detail = { $path }: { $error }
