# Exports: the exhibit list (証拠説明書), transcripts (反訳書), the workbook.
export-exhibit-label = { $prefix }{ $number }
export-exhibit-label-branch = { $prefix }{ $number }-{ $branch }
export-exhibit-the-user = the user
export-exhibit-the-other-side = the other side
export-exhibit-original = original
export-exhibit-copy = copy
export-what-record = record
export-what-phone = phone call
export-what-voicemail = voicemail
export-what-sms = SMS message
export-what-email = email
export-what-line = LINE message
export-what-sns = social media message
export-what-sns-platform = { $platform } message
export-what-letter = letter
export-what-visit = visit
export-what-other = contact
export-title-screenshot = Screenshot of { $what } ({ $date })
export-title-recording = Recording of { $what } ({ $date })
export-title-video = Video of { $what } ({ $date })
export-title-document = { $what } ({ $date })
export-purpose-after-block = , after being blocked
export-purpose-after-refusal = , after being asked to stop
export-purpose-contact = That { $who } made contact by { $means } on { $date }{ $count ->
        [1] {""}
       *[other] {" "}({ $count } times)
    }{ $after }
export-purpose-sent = That { $who } sent a { $means } on { $date }
export-purpose-action = That { $who } did the following on { $date }: { $action }
export-purpose-note = What was recorded on { $date }
export-xlsx-failed = the workbook could not be written ({ $reason })
export-xlsx-footer = Case { $case } · entries 1–{ $seq } · head { $hash }
export-sheet-timeline = Timeline
export-sheet-exhibits = Exhibit list
export-sheet-stats = Counts
export-col-number = No.
export-col-occurred = Date and time ({ $zone })
export-col-until = Until
export-col-kind = Kind
export-col-means = Channel
export-col-outcome = Outcome
export-col-sender = Sender
export-col-address = Number, address or account
export-col-count = Count
export-col-content = Content and notes
export-col-place = Place
export-col-witnesses = Witnesses
export-col-exhibits = Exhibits
export-col-status = Corrections and withdrawals
export-col-hash = Entry hash (SHA-256)
export-ex-col-number = Exhibit
export-ex-col-title = Title
export-ex-col-original = Original or copy
export-ex-col-made-on = Date made
export-ex-col-made-by = Made by
export-ex-col-purpose = Facts it shows
export-ex-col-remarks = Remarks (file, entry, SHA-256)
export-ex-remarks = { $name } (entry { $entry })
    { $sha }
export-stats-col-item = Item
export-stats-col-contacts = Entries
export-stats-col-attempts = Attempts
export-stats-total = All contacts received
export-stats-first = First: { $time }
export-stats-last = Last: { $time }
export-stats-by-channel = By channel: { $channel }
export-stats-by-month = By month: { $month }
export-stats-visits-at = Visits at: { $place }
export-stats-place-unknown = (place not recorded)
export-default-prefix = Exhibit {""}
export-xlsx-needs-output = the workbook is a file: give its name with -o
export-xlsx-needs-output-hint = e.g. kiroku export xlsx -o case.xlsx
export-bad-prefix = the exhibit prefix must be a short word without line breaks or slashes
export-bad-prefix-hint = e.g. --exhibit-prefix 乙
export-xlsx-wrote = { $entries ->
        [one] 1 timeline row
       *[other] { $entries } timeline rows
    } and { $exhibits ->
        [one] one exhibit
       *[other] { $exhibits } exhibits
    }
export-pdf-exhibit-list = Exhibit list
export-pdf-ex-file = [{ $number }] { $name } (entry { $entry })
export-pdf-transcript-title = Transcript of a recording ({ $label })
export-pdf-transcript-file = Recording
export-pdf-transcript-sha = SHA-256
export-pdf-transcript-length = Length
export-pdf-transcript-length-value = { $duration } ({ $size })
export-pdf-transcript-title-col = Title
export-pdf-transcript-by = Transcribed by
export-pdf-transcript-at = Recorded
export-pdf-transcript-at-value = { $time } (entry { $seq })
export-pdf-transcript-replaces = Replaces
export-pdf-entry = entry { $seq }
export-pdf-not-given = (not given)
export-pdf-transcript-col-no = No.
export-pdf-transcript-col-speaker = Speaker
export-pdf-transcript-col-text = Words spoken
export-pdf-place = Place: { $place }
export-pdf-witnesses = Witnesses: { $names }
export-pdf-col-when = Date / time ({ $zone })
