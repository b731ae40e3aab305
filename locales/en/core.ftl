# Messages of the case file, the entry model, times and durations, files.

## Times typed by people (--at, --until, --since) and read from files
core-time-bad = cannot read the time "{ $input }": { $why }
core-time-examples = try "2026-11-20 14:32", "11/20 14:32", "yesterday 14:32", "14:32" or "now"
core-time-why-empty = it is empty
core-time-why-not-date = "{ $text }" is not a date I know
core-time-why-not-time = "{ $text }" is not a time (HH:MM)
core-time-why-no-such-day = there is no such day
core-time-why-invalid = that is not a valid date and time (check the month, day and hour)
core-time-why-unknown = that is not a date or time I know
core-time-why-no-full-date = it does not start with a full date (year, month, day)
core-time-why-meridiem-hour = after 午前 or 午後 the hour goes from 0 to 11
core-time-why-meridiem-place = 午前 or 午後 goes just before the time, after the date
core-time-twelve = "{ $input }" could mean noon or midnight
core-time-twelve-hint = write 午前0時 for midnight or 午後0時 for noon (or 0:00 / 12:00)
core-time-import-hint = write it like 2026/11/18 15:04 or 2026-11-18 15:04
core-time-twice = the time "{ $input }" happens twice in { $tz } (the clocks were turned back)
core-time-twice-hint = give the offset, e.g. "{ $first }" or "{ $second }"
core-time-skipped = the time "{ $input }" does not exist in { $tz } (the clocks were turned forward)
core-time-skipped-hint = check the time, or give it with its offset in RFC 3339 form
core-time-future = the time "{ $input }" ({ $time }) is in the future
core-time-future-hint = check the date; for a time yesterday write "yesterday 14:32"
core-time-day-only = "{ $input }" is a day without a time of day
core-time-day-only-hint = add the time, e.g. "{ $day } 14:32"; if you do not know it, give your best guess and say so in --notes

## Call lengths (--duration)
core-duration-bad = cannot read the duration "{ $input }": { $why }
core-duration-hint = write it like 45s, 3m, 1h2m or 2:30 (minutes:seconds)
core-duration-why-colons = use digits and colons only
core-duration-why-59 = minutes and seconds go up to 59
core-duration-why-bare = a bare number could be seconds or minutes
core-duration-why-unit-number = a unit needs a number before it
core-duration-why-long = it is too long
core-duration-why-not-unit = "{ $unit }" is not a unit (h, m, s)
core-duration-why-needs-unit = every number needs a unit

## The case file
core-case-busy = the case file is busy: another kiroku is writing to it
core-case-busy-hint = wait a moment and try again; nothing was recorded
core-disk-full = the disk is full
core-disk-full-hint = free some space and try again; nothing was recorded
core-disk-error = the disk reported an error ({ $detail }); it may be full or failing
core-disk-error-hint = check the free space (df -h) and the disk, then try again; nothing was recorded
core-case-read-only = the case file is read-only
core-case-read-only-hint = check the file and its folder may be written (ls -l), or work on a copy
core-case-not-kiroku = this is not a kiroku case file
core-case-damaged = the case file is damaged
core-case-damaged-hint = do not write to it; keep a copy and run `kiroku verify` on the copy
core-case-cannot-open = cannot open the case file
core-case-cannot-open-hint = check that the file and its folder exist and may be read
core-case-permission = permission denied on the case file
core-unknown-tz = unknown time zone "{ $name }"
core-unknown-tz-hint = use a name from the tz database, e.g. Asia/Tokyo, Europe/London, America/New_York, UTC
core-case-is-folder = { $path } is a folder, not a kiroku case file
core-case-is-folder-hint = give the path of the case file itself (--db PATH)
core-case-foreign = { $path } is not a kiroku case file ({ $why })
core-case-foreign-hint = check the path; `kiroku init --db PATH` makes a new case file. The file was not changed
core-case-foreign-empty = it is empty
core-case-foreign-not-sqlite = it is not a SQLite database
core-case-foreign-other-program = it is a database of another program
core-case-cut-short = { $path } is damaged: it is cut short ({ $len } bytes of { $expected })
core-case-cut-short-hint = the file was not changed; use a complete copy (e.g. your backup) and run `kiroku verify` on it
core-case-newer = { $path } was made by a newer version of kiroku (schema { $version }; this one knows up to { $known })
core-case-newer-hint = install the newer kiroku to open it; the file was not changed
core-case-read-only-disk = { $path } is on a read-only disk, so nothing can be recorded in it
core-case-read-only-disk-hint = reading works (list, show, verify, export); to record, copy the case file to a writable disk or mount it writable
core-case-not-writable = { $path } may not be written (permission denied, or the file is marked immutable)
core-case-not-writable-hint = reading works (list, show, verify, export); to record, check `ls -l` and `lsattr` on it, or work on a copy
core-case-exists = { $path } already exists
core-case-exists-hint = kiroku never overwrites a case file; choose another path with --db
core-folder-missing = the folder { $path } does not exist
core-folder-missing-hint = create it first, or choose another path with --db
core-not-a-file-path = { $path } is not a file path
core-case-missing = there is no case file at { $path }
core-case-missing-hint = create one with `kiroku init`, or give the right path with --db
core-case-upgrade = { $path } was made by an older kiroku and must be upgraded, but it cannot be written here
core-case-upgrade-hint = copy the case file to a folder you may write to and run the command on the copy
core-case-no-id = the case file has no case id
core-case-unknown-tz = the case file names an unknown time zone "{ $name }"
core-run-verify = run `kiroku verify` to check the record
core-run-verify-nothing-recorded = run `kiroku verify`; nothing was recorded
core-anchor-hash-changed = entry { $seq } no longer has the hash that was stamped
core-clock-behind = the system clock ({ $now }) is earlier than the last entry's recorded time ({ $last })
core-clock-behind-hint = set the computer's clock right and try again; nothing was recorded
core-entry-unreadable = entry { $seq } cannot be read ({ $detail })

## Entries that refer to others
core-entries-numbered = entries are numbered 1 to { $head }; `kiroku list` shows them
core-target-withdrawn = entry { $seq } was withdrawn by entry { $by }
core-target-withdrawn-hint = record a new entry instead
core-cannot-amend = entry { $seq } is { $kind ->
        [action] an action
        [anchor] an anchor
        [attach] an attach
        *[other] a { $kind }
    } entry and cannot be amended
core-cannot-amend-hint = amend the entry it refers to, or void it and record a new one
core-cannot-attach = entry { $seq } is { $kind ->
        [action] an action
        [anchor] an anchor
        [attach] an attach
        *[other] a { $kind }
    } entry; files can be attached to a contact, action or note
core-cannot-attach-hint = attach them to the entry it refers to
core-void-of-void = entry { $seq } is itself a void entry

## Output files
core-output-is-folder = { $path } is a folder
core-output-is-folder-hint = give a file name, e.g. -o case.jsonl
core-output-not-file-name = { $path } is not a file name

## Labels of entries and dates
core-label-channel = { $channel }
core-label-outcome = { $outcome }
core-label-sent = { " " }(sent)
core-label-action = ACTION { $action }
core-label-note = note
core-label-correction = correction of { $seq }
core-label-void = void of { $seq }
core-label-attach = files for { $seq }
core-label-anchor-of = timestamp of 1..{ $seq }
core-label-anchor = timestamp
# The long form of a date and time, for one entry at a time (month and
# day are numbers: 1 to 9 get a leading zero here).
core-date-time-long = { $weekday ->
        [0] Mon
        [1] Tue
        [2] Wed
        [3] Thu
        [4] Fri
        [5] Sat
       *[6] Sun
    } { $year }-{ $month ->
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
       *[other] { $month }
    }-{ $day ->
        [1] 01
        [2] 02
        [3] 03
        [4] 04
        [5] 05
        [6] 06
        [7] 07
        [8] 08
        [9] 09
       *[other] { $day }
    } { $time }
core-label-direction = { $direction }

## Files, and words typed for channels, outcomes and actions
core-io-not-found = { $what }: no such file or directory
core-io-permission = { $what }: permission denied
core-io-permission-hint = check that you may read and write it (ls -l), or choose another place
core-io-full = { $what }: the disk is full
core-io-other = { $what }: { $detail }
core-io-writing-output = writing output
core-unknown-channel = unknown channel "{ $word }"
core-unknown-channel-hint = use one of phone, missed, voicemail, sms, email, line, sns (or x, instagram, facebook, linkedin), letter, visit, other — 電話, 不在着信, 留守電, メール, LINE, 訪問 work too
core-unknown-outcome = unknown outcome "{ $word }"
core-unknown-outcome-hint = use one of answered, missed, declined, ignored, blocked
core-unknown-action = unknown action "{ $word }"
core-unknown-action-hint = use one of refused (told them to stop), blocked, reported (to police), consulted (a lawyer or support service), other
core-unknown-direction = unknown direction "{ $word }"
core-unknown-direction-hint = use incoming or outgoing

## Evidence files and receipts
core-nothing-recorded = nothing was recorded
core-attach-folder = { $path } is a folder, not a file
core-attach-folder-hint = attach the files inside it instead; nothing was recorded
core-attach-special = { $path } is not a regular file (it is a device, pipe or socket)
core-attach-special-hint = save its content to a file and attach that; nothing was recorded
core-attach-no-name = { $path } does not name a file
core-attach-no-name-hint = give the path of the file itself; nothing was recorded
core-attach-changed = { $path } changed while it was being copied
core-attach-changed-hint = try again when nothing is writing to it; nothing was recorded
core-attach-not-found-hint = check the file name and folder; nothing was recorded
core-evidence-folder = the evidence folder { $path }
core-receipt-damaged = the receipt is incomplete or damaged ({ $what })
core-receipt-damaged-hint = paste the whole line that starts with kiroku-receipt/1, or give the file that holds it
core-receipt-missing = no { $key }
core-receipt-entries-not-number = entries= is not a number
core-receipt-head-not-hex = head= is not 64 hexadecimal digits
core-receipt-file = receipt file { $path }
core-receipt-file-hint = give the receipt line in quotes, or the path of a file that holds it
core-receipt-none = no receipt found in { $path }
core-receipt-none-hint = a receipt is the line `kiroku receipt` printed; it starts with kiroku-receipt/1

## Guards of the case file against changes
core-guard-case-id-change = the case id cannot change
core-guard-case-id-remove = the case id cannot be removed
core-guard-entries-update = entries are append-only; record a correction instead
core-guard-entries-delete = entries are append-only; record a void entry instead
core-guard-fingerprints = import fingerprints are append-only
core-guard-timestamps = timestamps are append-only

core-import-record-twice = source record { $record } appears twice in this import
core-import-record-twice-hint = nothing was recorded; please report this
core-entry-not-object = not a JSON object

# Durations: 40s, 2m, 1m05s, 1h02m03s.
core-duration-s = { $s }s
core-duration-m = { $m }m
# Arguments differ by language: Japanese does not pad with zeros ($s, $m), English does ($ss, $mm).
core-duration-ms = { $m }m{ $ss }s
# Arguments differ by language: Japanese does not pad with zeros ($s, $m), English does ($ss, $mm).
core-duration-hms = { $h }h{ $mm }m{ $ss }s
