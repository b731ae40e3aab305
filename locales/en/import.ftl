# kiroku import: errors, summaries and progress (src/cli/import.rs, src/import/*).

## The command
import-folder = { $file } is a folder
import-folder-hint = give the exported file itself
import-map-csv-only = --map is for csv imports only
import-map-csv-only-hint = the other importers know their files' layout
import-passphrase-iphone-only = --passphrase-file is for iphone-backup imports only
import-passphrase-iphone-only-hint = the other files are not encrypted; leave the option out
import-map-bad = --map "{ $map }" is not COLUMN=FIELD
import-map-bad-hint = e.g. --map 時間=duration
import-bad-record = { $file } { $position }: { $problem }{ $more ->
    [0] {""}
    [one] {" "}(and 1 more problem)
   *[other] {" "}(and { $more } more problems)
}
import-bad-record-hint = keep a phone's or app's own file unchanged (it is evidence): use --skip-bad to import the rest and list what was skipped, and record those by hand with `kiroku add` if needed; nothing was recorded
import-csv-from-unused = --from is not used by the csv importer: every row is imported as it was written
import-file-changed = { $file } changed while it was being imported
import-file-changed-hint = try again when nothing is writing to it; nothing was recorded
import-progress-reading = reading
import-progress-storing = storing
import-progress-recording = recording
import-entry-one = entry { $entry }
import-entry-range = entries { $first } to { $last }
import-recorded = Recorded { $entries }
import-recorded-note = Recorded { $entries }; entry { $note } notes the import
import-recorded-notes = Recorded { $entries }; entries { $notes } note the import
import-summary-recorded = recorded { $count } new
import-summary-would-record = would record { $count } new
import-summary-already = { $count } already recorded (skipped)
import-summary-repeated = { $count } repeated in these files (recorded once)
import-summary-duplicates = { $count ->
    [one] 1 exact duplicate recorded once
   *[other] { $count } exact duplicates recorded once
}
import-summary-own = { $count } of your own left out (--include-own keeps them)
import-summary-others = { $count } of other people left out
import-summary-bad = { $count } unreadable skipped
import-summary-separator = {", "}
import-summary-from = {" "}— from { $who }
import-dry-run = (dry run: nothing was written)
import-skipped = skipped { $file } { $position }: { $problem }

## Android backups
import-android-no-date = it has no date
import-android-date-not-number = its date "{ $date }" is not a number of milliseconds
import-android-date-out-of-range = its date "{ $date }" is out of range
import-android-date-contradicts = its date "{ $date }" does not agree with its readable_date "{ $readable }", in milliseconds or in seconds; the backup is inconsistent here, so no time is recorded for it
import-android-date-unclear = its date "{ $date }" can be seconds or milliseconds and it has no readable_date to tell which
# Recorded in the entry (always taken in English; this text is for reference).
import-android-number-empty = The backup gives no number for this caller (presentation { $presentation }).
import-android-call-type = its call type "{ $kind }" is not one I know (1 to 6)
import-android-duration = its duration "{ $duration }" is not a number of seconds
import-android-attribute = an attribute cannot be read ({ $reason })
import-android-value = the value of { $name } cannot be read ({ $reason })
import-android-not-xml = it is not a readable XML file (line { $line }: { $reason })
import-android-not-xml-hint = an SMS Backup & Restore file starts with <?xml …?> and <{ $root }>; check the file and the importer chosen
import-android-broken-xml = the XML is broken here ({ $reason }); the file may be cut short, and nothing after this point was read
import-android-no-root = it holds no <{ $root }> element
import-android-choose-importer = choose the importer for it: android-calls for call logs, android-sms for messages
import-android-ends-early = the file ends before </{ $root }>; it may be cut short
import-android-is-sms = it is a message backup (<smses>), not what this importer reads
import-android-is-calls = it is a call log backup (<calls>), not what this importer reads
import-android-other-layout = its first element is <{ $found }>, not <{ $root }>: it was written by another app than SMS Backup & Restore
import-android-other-layout-hint = kiroku reads the backups of the "SMS Backup & Restore" app (a file starting with <{ $root }>); make one with that app, or copy the records into a spreadsheet and use import csv; nothing was recorded

## LINE chat histories
import-line-bad-date = "{ $date }" is not a valid date
import-line-bad-time = "{ $time }" is not a time of day
import-line-message-not-utf8 = the message holds bytes that are not UTF-8 text
import-line-date-above-unreadable = the date line above this message cannot be read
import-line-before-date = a message comes before any date line
import-line-not-utf8 = the line holds bytes that are not UTF-8 text
import-line-unknown-line = the line is not a date, a message or part of one
import-line-utf16 = the file is UTF-16 text, not UTF-8
import-line-utf16-hint = save it as UTF-8 (e.g. in a text editor: Save As… → UTF-8) and import that copy
import-line-not-line = it does not look like a LINE chat history
import-line-not-line-hint = a LINE export has date lines such as 2026/11/18(水) followed by lines such as 15:04<TAB>name<TAB>message; check the file and the importer chosen
# Recorded in the entry (always taken in English; this text is for reference).
import-line-cut = The message was longer than 1 MiB and was cut; the whole text is in the source file.
# Recorded in the entry (always taken in English; this text is for reference).
import-line-unsent-note = The sender unsent (withdrew) a message here; LINE keeps no text of it.

## Email
import-email-no-headers = it is not an email message (no headers found)
import-email-no-date = it has no readable Date header, so when it was sent cannot be told
import-email-bad-zone = its Date header has an impossible time zone
import-email-bad-date = its Date header is not a valid date
import-email-no-from = it has no From header, so who sent it cannot be told (an unsent draft?)
# Recorded in the entry (always taken in English; this text is for reference).
import-email-cut = The body was longer than 1 MiB and was cut; the whole message is kept as its evidence file.
import-email-eml-is-mbox = it is a mailbox of { $count ->
    [one] 1 message
   *[other] { $count } messages
} (mbox), not a single message
import-email-eml-is-mbox-hint = import it with `kiroku import mbox`; nothing was recorded
import-email-not-eml = it does not look like an email message (no From, Date or Subject header)
import-email-not-eml-hint = an .eml file starts with headers such as From:, To:, Subject:, Date:; check the file and the importer chosen
import-email-not-mbox = it does not look like an mbox mailbox
import-email-mbox-is-eml-hint = it looks like a single message: import it with `kiroku import eml`
import-email-not-mbox-hint = an mbox mailbox starts with a line such as "From sender@example.com Tue Nov 18 15:04:00 2026"; check the file and the importer chosen
import-party-unknown = (unknown)

## Who the records are from
import-people-separator = {", "}
import-party-count = { $party } ({ $count })
import-many-people = { $file } holds records of { $count } different people: { $people }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}
import-party-files = { $party } ({ $count ->
    [one] 1 file
   *[other] { $count } files
})
import-many-people-files = these { $files } files hold records of { $count } different people: { $people }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
}
import-many-people-hint = name the one who keeps contacting you with --from NAME|NUMBER|ADDRESS (repeatable; for calls without a number, --from withheld (非通知) or --from unavailable (通知不可能), as listed); nothing was recorded
import-nobody-named = no record in { $file } is from or to { $named }; it holds records of { $found }
import-nobody-named-hint = give --from as the file writes the name, number or address; nothing was recorded
import-time-in-future = its time { $time } is in the future

## Spreadsheets (CSV)
import-csv-could-mean-time = the time of day (time) or the length of a call (duration)
import-csv-could-mean-response = what they did (outcome) or what you did (notes)
import-csv-could-mean-times = how many times (count) or which time (ignore)
import-csv-encoding = it is neither UTF-8 nor Shift_JIS text (the first byte that is not UTF-8 is at position { $position })
import-csv-encoding-hint = save the spreadsheet as CSV UTF-8 and import that file
import-csv-bad-count = its count "{ $count }" is not a number of 1 or more
import-csv-unknown-field = --map names an unknown field "{ $field }"
import-csv-fields = fields are: { $fields }
import-csv-header-unreadable = its first row cannot be read ({ $reason })
import-csv-header-empty = its first row is empty; it should name the columns
import-csv-header-empty-hint = put the column names (日時, 手段, 相手, 内容…) in the first row
import-csv-unknown-column = column "{ $column }" is not one I know
import-csv-ambiguous-column = column "{ $column }" could mean { $meanings }
import-csv-same-field = columns "{ $first }" and "{ $second }" both mean { $field }
import-csv-problem-separator = {"; "}
import-csv-map-hint = say what each such column holds with --map COLUMN=FIELD (fields: { $fields }; ignore leaves a column out); nothing was recorded
import-csv-no-time-column = no column says when it happened
import-csv-no-time-column-hint = name it 日時 (or 日付 and 時刻), or use --map COLUMN=at
import-csv-no-channel-column = no column says how they contacted you
import-csv-no-channel-column-hint = add a column 手段 (電話, 不在着信, 留守電, メール, SMS, LINE, 訪問…), or use --map COLUMN=channel
import-csv-row-unreadable = the row cannot be read ({ $reason })
import-csv-no-date = it gives no date
import-csv-day-missing = its day does not exist here
# Recorded in the entry's notes: always in English.
import-csv-day-only-note = the spreadsheet gives the day but not the time
import-csv-end-no-time = its end "{ $end }" has no time of day
import-csv-no-channel = it does not say how they contacted you

## Positions in a file, in messages (the entry records them in English)
import-pos-line = line { $line }
import-pos-message = message { $index } (line { $line })
import-pos-call = call { $index } (line { $line })
import-pos-row = row { $index } (line { $line })
