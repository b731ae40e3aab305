# Command output: confirmations, prompts, tables, and the errors of the commands.

## Questions asked at a terminal (kiroku add without a channel)
cli-prompt-channel = How did they contact you?
cli-prompt-channel-phone = phone call
cli-prompt-channel-missed = missed call
cli-prompt-channel-voicemail = voicemail
cli-prompt-channel-sms = SMS
cli-prompt-channel-email = email
cli-prompt-channel-line = LINE
cli-prompt-channel-sns = other social media (SNS)
cli-prompt-channel-letter = letter
cli-prompt-channel-visit = visit
cli-prompt-channel-other = other
cli-prompt-when = When? e.g. 14:32, yesterday 18:05
cli-prompt-when-now = now
cli-prompt-sender = Who was it? (the same as before, or someone else)
cli-prompt-sender-choice = { $who } ({ $count ->
        [one] { $count } time
       *[other] { $count } times
    })
cli-prompt-sender-org = { $who }, { $org }
cli-prompt-sender-new = someone else (type a name)
cli-prompt-who = Who? name — optional
cli-prompt-address = Number / address / account — optional
cli-prompt-content = What did they say? — optional
cli-prompt-count = How many times?
cli-prompt-not-a-number = "{ $text }" is not a number
cli-prompt-not-a-number-hint = type a whole number such as 1 or 7
cli-prompt-stopped = stopped asking ({ $reason }); nothing was recorded

## kiroku again
cmd-again-about = Record the same caller again: a new contact like the last one (or entry N), now
cmd-again-long = Records a new contact like an earlier one: the same channel, sender, address and organisation (as corrected, if the entry was amended), at the time now or --at. The content is never copied. Any field can be given again with the usual flags.
cmd-again-after = Examples:
      kiroku again                      the same caller as the last contact, now
      kiroku again --at 14:32 --count 3
      kiroku again 12 --outcome missed  like entry 12
    The channel, sender, address and organisation are copied (as corrected); the content never is.
cmd-again-arg-seq = The entry to repeat [default: the last contact that is not withdrawn]
cmd-again-arg-attach = An evidence file to keep with the entry (repeatable)
cmd-again-arg-json = Print the new entry as JSON
cli-again-no-contact = there is no earlier contact to repeat
cli-again-no-contact-hint = record the first one with `kiroku add`, e.g. `kiroku add phone --from NAME`
cli-again-not-contact = entry { $seq } is not a contact (a call, message or visit)
cli-again-not-contact-hint = name a contact entry (see `kiroku list`), or leave the number out to repeat the last contact
cli-again-withdrawn = entry { $seq } was withdrawn

## Common to several commands
cli-no-such-entry = there is no entry { $seq }
cmd-again-arg-at = When it happened [default: now] — e.g. "14:32", "yesterday 14:32", "11/20 14:32"
cmd-again-arg-until = End of a run of attempts (--at 9:00 --until 18:00 --count 7)
cmd-again-arg-from = Who it was from [default: as in the earlier entry]
cmd-again-arg-address = Their phone number, email address or account [default: as in the earlier entry]
cmd-again-arg-org = Their organisation [default: as in the earlier entry]
cmd-again-arg-to = Whom it was sent to, if not just you
cmd-again-arg-platform = The SNS platform [default: as in the earlier entry]
cmd-again-arg-subject = Subject line of an email or letter
cmd-again-arg-content = What was said or written, word for word if you can ("-" reads standard input)
cmd-again-arg-content-file = Read the content from a UTF-8 text file ("-" for standard input)
cmd-again-arg-duration = Length of the call: 45s, 3m, 1h2m, 2:30
cmd-again-arg-count = How many attempts this entry stands for [default: 1]
cmd-again-arg-outcome = answered, missed, declined, ignored or blocked
cmd-again-arg-direction = incoming (default) or outgoing (something you sent)
cmd-again-arg-tags = A tag to find the entry by later (repeatable)
cmd-again-arg-notes = Your own notes (how it affected you, witnesses…)
cmd-again-arg-channel = Another channel than the earlier entry's (phone, sms, line…)

## The case file, confirmations
cli-case-readable = { $path } can be read by other users of this computer; `chmod 600 { $path }` makes it private
cli-case-created-default = created a new case file at { $path } (time zone { $tz })
cli-no-home = cannot find your home folder to keep the case file in
cli-no-home-hint = give the case file's path with --db PATH or KIROKU_DB
cli-output-is-case-file = { $path } is the case file itself
cli-output-is-case-file-hint = choose another output file with -o
cli-add-which-channel = which channel? name it first
cli-add-which-channel-hint = e.g. `kiroku add phone --from NAME`; channels: phone, missed, voicemail, sms, email, line, sns, letter, visit, other
cli-list-separator = { ", " }
cli-recorded = Recorded entry { $seq }: { $summary }
cli-recorded-file = file { $name } ({ $media_type }, { $size }) sha256 { $sha256 }
cli-recorded-hash = hash { $hash }
cli-init-created = Created case file { $path }
cli-init-case-id = case id    { $id }
cli-init-tz = time zone  { $tz }
cli-receipt-send = Send this line to your lawyer or to yourself by email; keep it outside this computer.

## Fields and their values
cli-field-content = content
cli-field-notes = notes
cli-field-note = note
cli-field-reason = reason
cli-field-from = sender name
cli-field-address = address
cli-field-org = organisation
cli-field-to = recipient
cli-field-with = with
cli-field-platform = platform
cli-field-subject = subject
cli-field-reference = reference
cli-field-tag = tag
cli-field-title = title
cli-field-counterparty = counterparty
cli-field-owner = owner
cli-stdin = standard input
cli-text-nul = the { $field } contains a NUL byte
cli-text-nul-hint = is it a binary file? Attach files as evidence instead of pasting them
cli-text-too-long = the { $field } is { $len } bytes; the most one field can hold is { $max } bytes
cli-text-too-long-hint = keep long material as an evidence file and summarise it here
cli-text-file-is-folder = { $path } is a folder, not a text file
cli-text-file-too-long = { $path } holds more than { $max } bytes, the most one field can hold
cli-text-file-not-utf8 = { $path } is not UTF-8 text (invalid byte at position { $pos })
cli-text-file-not-utf8-hint = save it as UTF-8 (e.g. in a text editor: Save As… → UTF-8) and try again
cli-until-before-at = --until ({ $until }) is before --at ({ $at })
cli-until-before-at-hint = --at is when it started, --until when it ended
cli-count-zero = --count must be 1 or more
cli-count-zero-hint = one entry stands for at least one attempt
cli-period-backwards = the period is backwards: --until ({ $until }) is not after --since ({ $since })
cli-period-backwards-hint = swap them: --since is the start, --until the end

## note, amend, void
cli-note-empty = the note is empty
cli-note-empty-hint = write the note after `kiroku note`
cli-reason-empty = the reason is empty
cli-amend-reason-empty-hint = say why the entry needs correcting, e.g. --reason 'wrong day'
cli-void-reason-empty-hint = say why the entry is withdrawn, e.g. --reason 'recorded twice'
cli-amend-at-cleared = --at cannot be cleared
cli-amend-at-cleared-hint = give the correct time
cli-amend-nothing = nothing to correct
cli-amend-nothing-hint = give the fields with their correct values, e.g. --at '11/17 14:32' or --count 3
cli-amend-until-before-at = after this correction, --until would be before --at
cli-amend-until-before-at-hint = correct both times together

## kiroku show
cli-show-no-entries-yet = the case has no entries yet
cli-show-title = Entry { $seq } · { $kind }
cli-show-corrected-by = { " " }· corrected by { $by }
cli-show-withdrawn-by = { " " }· WITHDRAWN by { $by }
cli-show-file = file
cli-show-file-value = { $name } ({ $media_type }, { $size })
cli-show-attached = attached
cli-show-attached-by = by entry { $by }
cli-show-hash = hash
cli-show-prev-hash = prev_hash
cli-show-correction = Correction: entry { $seq } (recorded { $recorded })
cli-show-withdrawn = Withdrawn: entry { $seq } (recorded { $recorded })
cli-show-reason = reason: { $reason }
cli-show-cleared = (cleared)
cli-show-empty = (empty)
cli-show-time = { $time } ({ $offset })
cli-show-occurred = occurred
cli-show-until = until
cli-show-recorded = recorded
cli-show-action = action
cli-show-channel = channel
cli-show-platform = platform
cli-show-direction = direction
cli-show-from = from
cli-show-address = address
cli-show-org = org
cli-show-to = to
cli-show-with = with
cli-show-reference = reference
cli-show-count = count
cli-show-duration = duration
cli-show-outcome = outcome
cli-show-subject = subject
cli-show-target = target
cli-show-reason-label = reason
cli-show-tags = tags
cli-show-source = source
cli-show-source-value = { $importer }, { $position } of the file with SHA-256 { $sha256 }
cli-show-covers = covers
cli-show-covers-value = entries 1..{ $seq } (head { $head })
cli-show-tsa = TSA
cli-show-tsa-time = TSA time
cli-show-serial = serial
cli-show-stamped = stamped
cli-show-token = token
cli-show-content = content
cli-show-notes = notes
cli-show-text-heading = { $name }:

## kiroku list
cli-list-empty = No entries yet. Record one with `kiroku add phone` (or `kiroku add` to be asked).
cli-list-none-match = No entries match.
cli-list-col-when = when
cli-list-col-channel = channel
cli-list-col-from = from
cli-list-col-count = n
cli-list-col-what = what
cli-list-files = { " " }[{ $count ->
        [one] { $count } file
       *[other] { $count } files
    }]
cli-list-void = [VOID] { $what }
cli-list-corrected-legend = * corrected: `kiroku show N` shows the original and why
cli-list-void-legend = [VOID] withdrawn by a later entry; kept in the record

## kiroku evidence
cli-evidence-none = No evidence files yet. Attach one with `kiroku attach N FILE`, or `--attach FILE` when you add an entry.
cli-evidence-col-file = file
cli-evidence-col-size = size
cli-evidence-col-type = type
cli-evidence-col-entries = entries
cli-evidence-entry-void = { $seq } [VOID]
cli-evidence-void-legend = [VOID] attached to a withdrawn entry, or by one; kept in the record
cli-evidence-no-such = there is no evidence file { $number }
cli-evidence-no-such-none = the case has no evidence files yet
cli-evidence-no-such-hint = they are numbered 1 to { $count }; `kiroku evidence list` shows them
cli-file-exists = { $path } already exists
cli-file-exists-hint = kiroku never overwrites a file; choose another name with -o, or move the existing one
cli-evidence-unreadable = the stored copy of evidence file { $number } ({ $name }) cannot be read: { $detail }
cli-evidence-keep-hint = run `kiroku verify` and keep the case file and its evidence folder as they are
cli-evidence-stored-copy = the stored copy of { $name }
cli-evidence-altered = the stored copy of evidence file { $number } ({ $name }) was altered: its SHA-256 no longer matches the record
cli-evidence-altered-hint = nothing was written; run `kiroku verify` and keep the case file and its evidence folder as they are
cli-file-appeared = { $path } appeared while writing
cli-file-appeared-hint = kiroku never overwrites a file; choose another name with -o
cli-evidence-wrote = Wrote evidence file { $number } ({ $size }) to { $path }; its SHA-256 matches the record: { $sha256 }
cli-evidence-bad-name = the recorded name "{ $name }" cannot be used as a file name
cli-evidence-bad-name-hint = give a file name with -o, e.g. -o exhibit.bin
