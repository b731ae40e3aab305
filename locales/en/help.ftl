# Help texts of commands and flags, what clap itself prints around them,
# and command-line parse errors. Keys of commands and flags: see
# src/i18n/help.rs.

## What clap prints around the texts
help-heading-usage = Usage:
help-heading-commands = Commands:
help-heading-arguments = Arguments:
help-heading-options = Options:
help-usage-options = [OPTIONS]
help-usage-command = <COMMAND>
help-usage-command-optional = [COMMAND]
help-flag-help = Print help
help-flag-help-more = Print help (see more with '--help')
help-flag-help-summary = Print help (see a summary with '-h')
help-flag-version = Print version
help-command-about = Print this message or the help of the given command
help-command-arg = The command to show the help of
# The notes follow the help text directly: English puts a space first.
help-note-default = {" "}[default: { $value }]
help-note-env = {" "}[env: { $name }]
help-note-values = {" "}[possible values: { $values }]
help-values-heading = Possible values:

## Placeholders of values in help, usage lines and errors
help-value-time = TIME
help-value-name = NAME
help-value-address = ADDR
help-value-org = ORG
help-value-who = WHO
help-value-text = TEXT
help-value-file = FILE
help-value-file-tsq = FILE.tsq
help-value-file-tsr = FILE.tsr
help-value-length = LENGTH
help-value-outcome = OUTCOME
help-value-direction = DIR
help-value-folder = DIR
help-value-tag = TAG
help-value-channel = CHANNEL
help-value-path = PATH
help-value-lang = LANG
help-value-zone = ZONE
help-value-number = NUMBER
help-value-seq = SEQ
help-value-format = FORMAT
help-value-action = ACTION
help-value-title = TITLE
help-value-counterparty = COUNTERPARTY
help-value-owner = OWNER
help-value-receipt = RECEIPT
help-value-column-field = COLUMN=FIELD
help-value-name-or-address = NAME|ADDRESS
help-value-date = DATE
help-value-dest = DEST
help-value-source = SOURCE
help-value-place = PLACE
help-value-prefix = PREFIX

## Command-line parse errors (one line; the hint follows after a dash)
parse-hint-help = `{ $command } --help` shows how to use it
parse-hint-did-you-mean = did you mean '{ $suggestion }'? { $help }
parse-hint-values = use one of { $values }; { $help }
parse-hint-reason = { $reason }; { $help }
parse-hint-trailing = to give '{ $arg }' as a value, write '-- { $arg }'; { $help }
parse-missing-value = { $arg } needs a value
parse-invalid-value = '{ $value }' is not a value { $arg } accepts
parse-not-a-number = it must be a whole number
parse-unknown-argument = unknown option or extra argument '{ $arg }'
parse-unknown-command = '{ $name }' is not a command of { $command }
parse-no-equals = { $arg } needs its value after '=' (e.g. { $arg }=VALUE)
parse-too-many-values = '{ $value }' is one value too many for { $arg }
parse-wrong-number-of-values = { $arg } got the wrong number of values
parse-conflict = { $arg } cannot be used together with { $other }
parse-conflict-once = { $arg } can be given only once
parse-missing-argument = missing: { $args }
parse-missing-command = { $command } needs a command: { $commands }
parse-invalid-utf8 = an argument is not valid text (UTF-8)
parse-other = the command line could not be read

## Commands and flags
cmd-kiroku-about = Record unwanted contact attempts in a tamper-evident log (記録)
cmd-kiroku-long = kiroku keeps a record of every call, message and visit you receive from someone who will not stop contacting you. Entries are never changed or deleted: corrections are new entries, and every entry is hash-chained so that a lawyer or court can check nothing was altered afterwards.
cmd-kiroku-after =
    Examples:
      kiroku add phone --from '山田 課長' --address 090-1234-5678 --outcome missed
      kiroku add 留守電 --at '昨日 18:05' --content '連絡下さい'
      kiroku add sms --at '11/20 21:40' --count 3 --content '番号変わりました。連絡下さい。'
      kiroku add voicemail --content '連絡下さい' --attach 留守電.m4a
      kiroku action refused --note 'Told them by email to stop contacting me'
      kiroku list --since 11/01
      kiroku stats --by week
      kiroku verify --receipt receipt.txt

    Exit codes: 0 ok · 1 verify: the record is not intact · 2 bad input or usage ·
    3 case file missing, existing, foreign or too new · 4 file or disk error ·
    5 case file busy, try again · 70 internal error (a bug; please report it).
cmd-kiroku-arg-db = The case file to use [default: kiroku.sqlite in your data folder]
cmd-kiroku-arg-lang = Language of messages and help [default: KIROKU_LANG, then the locale]
cmd-kiroku-arg-lang-value-ja = 日本語
cmd-kiroku-arg-lang-value-en = English
cmd-init-about = Create a new case file
cmd-init-arg-title = A title for the case, e.g. "Calls from my former employer"
cmd-init-arg-counterparty = Who keeps contacting you (person or organisation)
cmd-init-arg-owner = Your own name, as it should appear on reports
cmd-init-arg-tz = Time zone for times you type and for reports [default: this computer's]
cmd-add-about = Record a contact attempt (a call, message, visit…)
cmd-add-after =
    Examples:
      kiroku add phone --from '山田' --address 090-1234-5678 --outcome missed
      kiroku add 不在着信 --at '14:32'
      kiroku add voicemail --at 'yesterday 18:05' --duration 0:40 --content '連絡下さい' --attach 留守電.m4a
      kiroku add email --address boss@example.co.jp --subject '至急' --content-file mail.txt
      kiroku add instagram --address @old_boss --content '番号変わりました。連絡下さい。'
      kiroku add phone --at '11/20 9:00' --until '11/20 18:00' --count 7 --outcome declined
    Without a channel, on a terminal, kiroku asks for each field.
cmd-add-arg-channel = phone, missed, voicemail, sms, email, line, sns (or x, instagram…), letter, visit, other — 電話, 不在着信, 留守電, メール, LINE, 訪問 work too
cmd-add-arg-at = When it happened [default: now] — e.g. "2026-11-20 14:32", "11/20 14:32", "yesterday 14:32", "14:32"
cmd-add-arg-until = End of a run of attempts ("called 7 times between 9:00 and 18:00": --at 9:00 --until 18:00 --count 7)
cmd-add-arg-from = Who it was from (a name as you know it)
cmd-add-arg-address = Their phone number, email address or account handle
cmd-add-arg-org = Their organisation (the former workplace)
cmd-add-arg-to = Whom it was sent to, if not just you (e.g. your new employer)
cmd-add-arg-platform = The SNS platform, e.g. X, Instagram, Facebook, LinkedIn
cmd-add-arg-subject = Subject line of an email or letter
cmd-add-arg-content = What was said or written, word for word if you can ("-" reads standard input)
cmd-add-arg-content-file = Read the content from a UTF-8 text file ("-" for standard input)
cmd-add-arg-duration = Length of the call: 45s, 3m, 1h2m, 2:30
cmd-add-arg-count = How many attempts this entry stands for [default: 1]
cmd-add-arg-outcome = answered, missed, declined, ignored or blocked
cmd-add-arg-direction = incoming (default) or outgoing (something you sent)
cmd-add-arg-tags = A tag to find the entry by later (repeatable)
cmd-add-arg-notes = Your own notes (how it affected you, witnesses…)
cmd-add-arg-attach = An evidence file to keep with the entry: recording, screenshot, saved email… (repeatable)
cmd-add-arg-json = Print the new entry as JSON
cmd-action-about = Record something you did: refused, blocked, reported, consulted
cmd-action-after =
    Examples:
      kiroku action refused --channel email --note 'Wrote: please stop contacting me'
      kiroku action blocked --channel phone --address 090-1234-5678
      kiroku action reported --with '○○警察署 生活安全課' --ref 'R8-1234'
      kiroku action consulted --with '弁護士 田中' --at '11/25 15:00'
    Japanese works too: 拒否, ブロック, 警察, 相談.
cmd-action-arg-action = refused (told them to stop), blocked, reported (to police), consulted (a lawyer or support service), other
cmd-action-arg-at = When you did it [default: now]
cmd-action-arg-channel = The channel it concerns (e.g. the channel you blocked)
cmd-action-arg-address = The number, address or account it concerns (e.g. the number you blocked)
cmd-action-arg-from = The person it concerns (e.g. whom you told to stop)
cmd-action-arg-with = Who you reported to or consulted (police station, lawyer, officer)
cmd-action-arg-reference = A reference number (e.g. the police's 受理番号)
cmd-action-arg-content = What you said or wrote, word for word ("-" reads standard input)
cmd-action-arg-note = Notes about it
cmd-action-arg-attach = An evidence file to keep with the entry (repeatable)
cmd-action-arg-json = Print the new entry as JSON
cmd-note-about = Record a free note
cmd-note-after =
    Examples:
      kiroku note 'No calls today, but a car like theirs parked outside at 19:00'
      kiroku note 今日は着信なし --at 'yesterday 22:00'
cmd-note-arg-text = The note ("-" reads standard input)
cmd-note-arg-at = When it applies [default: now]
cmd-note-arg-tags = A tag to find the note by later (repeatable)
cmd-note-arg-attach = An evidence file to keep with the entry (repeatable)
cmd-note-arg-json = Print the new entry as JSON
cmd-list-about = Show the entries as a table (or JSON)
cmd-list-after =
    Examples:
      kiroku list
      kiroku list --since 11/01 --channel phone
      kiroku list --from 090-1234-5678 --json
      kiroku list --last 20
cmd-list-arg-since = Only from this time on (a day alone means from its start), e.g. 11/01 or "2026-11-01 09:00"
cmd-list-arg-until = Only before this time (a day alone includes that whole day)
cmd-list-arg-channel = Only this channel (phone, email, line, instagram…)
cmd-list-arg-from = Only entries whose sender name, address or organisation contains this text; a phone number matches however it is written; withheld, payphone or unavailable (or 非通知, 公衆電話, 通知不可能) selects callers whose number was not shown
cmd-list-arg-last = Only the last N entries
cmd-list-arg-json = Print a JSON array instead of a table
cmd-show-about = Show one entry in full, with its corrections
cmd-show-arg-seq = The entry number
cmd-show-arg-json = Print JSON instead of text
cmd-stats-about = Count the contacts: how often, since when, which channels, after you said stop
cmd-stats-after =
    Examples:
      kiroku stats
      kiroku stats --since 09/01 --by week
      kiroku stats --channel phone --from 090-1234-5678
      kiroku stats --json > stats.json
    Times, days and weeks are in the case's time zone. Weeks are ISO weeks
    (Monday to Sunday). Entries you withdrew are not counted; corrected entries
    are counted as corrected.
cmd-stats-arg-since = Only from this time on (a day alone means from its start), e.g. 11/01 or "2026-11-01 09:00"
cmd-stats-arg-until = Only before this time (a day alone includes that whole day)
cmd-stats-arg-channel = Only this channel (phone, email, line, instagram…)
cmd-stats-arg-from = Only entries whose sender name, address or organisation contains this text; a phone number matches however it is written; withheld, payphone or unavailable (or 非通知, 公衆電話, 通知不可能) selects callers whose number was not shown
cmd-stats-arg-by = Count attempts per day, week or month [default: by the span covered]
cmd-stats-arg-json = Print the figures as JSON (the shape is described in docs/stats.md)
cmd-stats-arg-ascii = Draw the charts with plain ASCII `#` (the default when not on a terminal)
cmd-amend-about = Correct an earlier entry (a new entry records the change and why)
cmd-amend-after =
    The original entry is never changed: a new correction entry records which
    fields change, to what, and why. `kiroku show N` shows both. An empty value
    (--from '') clears a field.

    Examples:
      kiroku amend 12 --reason 'Wrong day: it was Tuesday' --at '11/17 14:32'
      kiroku amend 7 --reason '件数の誤り' --count 3
      kiroku amend 9 --reason 'It was LINE, not SMS' --channel line
cmd-amend-arg-seq = The entry to correct
cmd-amend-arg-reason = Why the correction is needed (required)
cmd-amend-arg-channel = The correct channel
cmd-amend-arg-at = When it happened [default: now] — e.g. "2026-11-20 14:32", "11/20 14:32", "yesterday 14:32", "14:32"
cmd-amend-arg-until = End of a run of attempts ("called 7 times between 9:00 and 18:00": --at 9:00 --until 18:00 --count 7)
cmd-amend-arg-from = Who it was from (a name as you know it)
cmd-amend-arg-address = Their phone number, email address or account handle
cmd-amend-arg-org = Their organisation (the former workplace)
cmd-amend-arg-to = Whom it was sent to, if not just you (e.g. your new employer)
cmd-amend-arg-platform = The SNS platform, e.g. X, Instagram, Facebook, LinkedIn
cmd-amend-arg-subject = Subject line of an email or letter
cmd-amend-arg-content = What was said or written, word for word if you can ("-" reads standard input)
cmd-amend-arg-content-file = Read the content from a UTF-8 text file ("-" for standard input)
cmd-amend-arg-duration = Length of the call: 45s, 3m, 1h2m, 2:30
cmd-amend-arg-count = How many attempts this entry stands for [default: 1]
cmd-amend-arg-outcome = answered, missed, declined, ignored or blocked
cmd-amend-arg-direction = incoming (default) or outgoing (something you sent)
cmd-amend-arg-tags = A tag to find the entry by later (repeatable)
cmd-amend-arg-notes = Your own notes (how it affected you, witnesses…)
cmd-amend-arg-json = Print the new entry as JSON
cmd-void-about = Withdraw an earlier entry (it stays in the record, marked withdrawn)
cmd-void-after =
    Example:
      kiroku void 14 --reason 'Recorded twice by mistake (same call as 13)'
cmd-void-arg-seq = The entry to withdraw
cmd-void-arg-reason = Why it is withdrawn (required)
cmd-void-arg-json = Print the new entry as JSON
cmd-attach-about = Add evidence files (recordings, screenshots, emails) to an entry
cmd-attach-after =
    The files are copied into the evidence folder beside the case file
    (<case file>.evidence), read-only; their SHA-256 goes into the record.
    The originals are not touched.

    Examples:
      kiroku attach 12 voicemail-1120.m4a
      kiroku attach 14 スクリーンショット.png LINEトーク履歴.txt --note 'LINE from the new account'
cmd-attach-arg-seq = The entry the files belong to
cmd-attach-arg-files = The files: recordings, screenshots, saved emails, call-log photos…
cmd-attach-arg-note = A note about the files (where they come from, what they show)
cmd-attach-arg-json = Print the new entry as JSON
cmd-evidence-about = List the evidence files, or export one
cmd-evidence-list-about = List the evidence files, numbered in order of first attachment
cmd-evidence-list-after =
    The numbers do not change as the record grows, so they can serve as
    exhibit numbers (甲第1号証 …). Files of withdrawn entries keep their number.

    Examples:
      kiroku evidence list
      kiroku evidence list --json
cmd-evidence-list-arg-json = Print JSON instead of a table
cmd-evidence-export-about = Write out a copy of evidence file N, byte for byte, with its original name
cmd-evidence-export-after =
    The stored copy is re-hashed while it is written; a copy that does not match
    its recorded SHA-256 is not written. Existing files are never overwritten.

    Examples:
      kiroku evidence export 1                 (into the current folder, original name)
      kiroku evidence export 2 -o ~/for-lawyer/
      kiroku evidence export 3 -o 甲第3号証.m4a
cmd-evidence-export-arg-number = The file's number in `kiroku evidence list`
cmd-evidence-export-arg-output = A folder (the original name is used) or a new file's path
cmd-verify-about = Check that the record has not been altered
cmd-verify-after =
    Every evidence file is re-hashed from its stored copy; a missing or altered
    file makes the record not intact. --no-files skips that for a quick check.

    Exit status: 0 the record is intact; 1 it is not (the first entry that
    fails is named); other codes mean verify could not run (see kiroku --help).

    Examples:
      kiroku verify
      kiroku verify --no-files
      kiroku verify --receipt 'kiroku-receipt/1 case=… entries=40 head=… at=…'
      kiroku verify --receipt mail-to-lawyer.txt --json
      kiroku verify --tsa-ca tsa-root.pem
      kiroku verify --timestamp for-lawyer/timestamp-41.tsr --tsa-ca tsa-root.pem

    Every trusted timestamp kept in the case file (`kiroku timestamp`) is
    checked again: its token, and that the entries it covers are unchanged.
cmd-verify-arg-receipt = A receipt line, or a file holding receipts (e.g. a saved email); repeatable
cmd-verify-arg-timestamp = A timestamp kept elsewhere (FILE.tsr, with the stamped FILE.txt beside it): its token is checked and its text used as a receipt; repeatable
cmd-verify-arg-tsa-ca = Also check that each timestamp's TSA certificate was issued under this trusted root (PEM or DER certificate file)
cmd-verify-arg-no-files = Do not re-hash the evidence files (a quick check of the entries only)
cmd-verify-arg-json = Print the result as JSON
cmd-export-about = Write the record out for others: CSV, PDF report, JSONL, or one bundle
cmd-export-after =
    Examples:
      kiroku export csv -o timeline.csv
      kiroku export pdf -o report.pdf --lang en
      kiroku export bundle -o case.zip
      kiroku export jsonl -o case.jsonl
      kiroku export jsonl --since 11/01 | python3 verify_kiroku.py -

    A filtered JSONL export keeps the entries left out as hash-only stubs, so it
    still verifies end to end. CSV cells starting with = + - @ tab, CR or ' get a
    leading ' so that spreadsheets never run them as formulas.
cmd-export-arg-format = What to write
cmd-export-arg-format-value-csv = The chronology as a spreadsheet (UTF-8 with BOM, CRLF; opens in Excel)
cmd-export-arg-format-value-pdf = The evidence report to print or send (A4; needs -o)
cmd-export-arg-format-value-jsonl = One JSON object per entry: the hashed fields plus prev_hash and hash
cmd-export-arg-format-value-bundle = One zip archive with the PDF, CSV, JSONL, receipt, checksums and a README (needs -o)
cmd-export-arg-output = Write to this file instead of standard output (written completely or not at all)
cmd-export-arg-since = Only from this time on (a day alone means from its start), e.g. 11/01 or "2026-11-01 09:00"
cmd-export-arg-until = Only before this time (a day alone includes that whole day)
cmd-export-arg-channel = Only this channel (phone, email, line, instagram…)
cmd-export-arg-from = Only entries whose sender name, address or organisation contains this text; a phone number matches however it is written; withheld, payphone or unavailable (or 非通知, 公衆電話, 通知不可能) selects callers whose number was not shown
cmd-export-arg-no-bom = CSV without the byte order mark (for tools rather than Excel)
cmd-export-arg-font = The font for the PDF report (.ttf, .otf or .ttc with a Japanese face)
cmd-import-about = Record what a LINE export, email files, an Android backup or a spreadsheet hold
cmd-import-after =
    Examples:
      kiroku import line '[LINE] 山田 課長とのトーク履歴.txt'
      kiroku import line chat.txt --from '山田 課長' --include-own
      kiroku import android-calls calls-20261120.xml --from 090-1234-5678
      kiroku import android-sms sms-20261120.xml --from +819012345678 --dry-run
      kiroku import eml *.eml --from boss@example.co.jp
      kiroku import mbox Inbox.mbox --from boss@example.co.jp --skip-bad
      kiroku import csv 記録.csv --map 時間=duration --map 気分=notes
    Only the counterparty's messages become entries (incoming); --from names
    them as the file does. Importing the same file again adds only what is new.
    See docs/import.md for the layouts each importer reads.
cmd-import-arg-format = What the files are
cmd-import-arg-files = The files to import
cmd-import-arg-from = The person who keeps contacting you: a name, number, email address or account as the file writes it (repeatable). Needed when a file holds records of more than one person; withheld, payphone or unavailable (or 非通知, 公衆電話, 通知不可能) picks callers whose number was not shown
cmd-import-arg-include-own = Keep your own messages to them too, as outgoing entries (a refusal sent by message is evidence)
cmd-import-arg-dry-run = Show what would be recorded; write nothing
cmd-import-arg-skip-bad = Import what can be read and list the records that cannot
cmd-import-arg-map = csv: what a column holds, e.g. --map 時間=duration (repeatable; FIELD "ignore" leaves a column out)
cmd-receipt-about = Print a one-line receipt to send to your lawyer or yourself
cmd-receipt-after =
    Send the line to your lawyer, or email it to yourself. Later,
    `kiroku verify --receipt LINE-OR-FILE` proves the record still holds,
    unchanged, every entry up to the receipt — even if someone rebuilt or
    shortened the case file.
cmd-receipt-arg-json = Print JSON instead of the line
cmd-timestamp-about = Get a trusted timestamp (RFC 3161) of the record from a timestamp authority
cmd-timestamp-after =
    A timestamp authority (TSA) signs, with its time, the SHA-256 of the
    current receipt (the `kiroku receipt` line and a newline): proof, held by
    someone else, that entries 1..N existed unchanged at that time.
    `kiroku verify` checks every kept timestamp; docs/timestamps.md explains
    what that proves and how anyone checks it with `openssl ts -verify`.

    Examples:
      kiroku timestamp --tsa https://freetsa.org/tsr
      KIROKU_TSA=http://timestamp.digicert.com kiroku timestamp
      kiroku timestamp request -o head.tsq
      curl -sS -H 'Content-Type: application/timestamp-query' \
           --data-binary @head.tsq https://freetsa.org/tsr -o head.tsr
      kiroku timestamp add head.tsr
      kiroku timestamp export --dir for-lawyer/

    Without a subcommand, asks the TSA given by --tsa or KIROKU_TSA.
cmd-timestamp-arg-tsa = The TSA's URL (http or https); also read from KIROKU_TSA
cmd-timestamp-request-about = Write a request (.tsq) for the current record, and the receipt text it stamps (.txt)
cmd-timestamp-request-arg-output = The request file; the receipt text goes beside it with .txt
cmd-timestamp-add-about = Check a TSA's response (.tsr) to a request and record it
cmd-timestamp-add-arg-response = The response file the TSA sent back
cmd-timestamp-add-arg-request = The request it answers [default: FILE.tsq beside the response]; its receipt text is read from the same name with .txt
cmd-timestamp-export-about = Write the kept timestamps out, with the openssl commands that check them
cmd-timestamp-export-arg-dir = The folder to write into (it must exist)
