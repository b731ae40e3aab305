# The evidence report (PDF): cover, summary, timeline, evidence index, footers.

## Document
report-doc-title = Evidence report — { $title }
report-footer-page = kiroku evidence report — case { $case } — page { $page } of { $total }
report-footer-head = Head hash (entry { $seq }): { $head }

## Cover
report-title = Evidence report
report-subtitle = Record of unwanted contact attempts (tamper-evident)
report-label-case = Case
report-label-counterparty = Counterparty
report-label-owner = Recorded by
report-label-case-id = Case id
report-label-period = Period covered
report-label-entries = Entries in this report
report-label-generated = Generated at
report-label-zone = Time zone
report-label-verification = Verification
report-label-head = Head hash
report-label-timestamps = Trusted timestamps
report-label-filter = Filter
report-period = { $from } to { $until }
report-period-none = (no entries)
report-entries-value = { $shown } (the whole record holds { $total } { $total ->
        [one] entry
       *[other] entries
    })
report-head-value = entry { $seq }: { $head }
report-intact = Intact: the hash chain of all { $entries } entries was verified when this report was made; no alteration was found.
report-not-intact = NOT INTACT: verification found { $count } { $count ->
        [one] problem
       *[other] problems
    } when this report was made ({ $first }).
report-anchor-ok = entries 1..{ $covers } existed unchanged by { $time } (TSA: { $tsa }; recorded as entry { $seq })
report-anchor-failed = FAILED (timestamp of entry { $seq }): { $message }
report-how-title = How to check this record
report-how = This report was made from a kiroku case file. Every entry is numbered and linked to the one before it by a SHA-256 hash computed over its content and the previous entry's hash (a hash chain). Changing, deleting or reordering any entry afterwards makes every later hash disagree. Corrections and withdrawals never change an entry; they are added as new entries. To check, verify the JSONL file exported at the same time with verify_kiroku.py, a verifier independent of kiroku that needs only Python's standard library, and compare the number of entries and the head hash it prints with those on this cover and at the foot of every page. A receipt (kiroku-receipt) received earlier also proves that the entries up to its count and hash are unchanged.
report-stamps = This record carries RFC 3161 timestamps (listed above): a timestamp authority (TSA) signed, with its time, the SHA-256 of a receipt for the record (entry count and head hash), which shows the entries up to that number existed by that time and have not changed since. The files in the bundle's timestamps folder can be checked with openssl ts -verify against the TSA's root certificate, obtained from the TSA itself (the steps are in timestamps.txt).
report-legend = Reading the timeline: grey rows are the user's own actions (telling them to stop, blocking, reporting to police). [Corrected] marks a later correction, with its reason and the values it replaced. [Withdrawn] marks an entry withdrawn by a later entry: it is never removed, only struck through. Times are in the case's time zone, named with its UTC offset in the column heading. [N] in the evidence column is the file's number in the evidence index (as in `kiroku evidence list`).

## Summary
report-summary-title = Summary
report-totals-title = Totals
report-totals = { $contacts } contact { $contacts ->
        [one] entry
       *[other] entries
    }, { $attempts } { $attempts ->
        [one] attempt
       *[other] attempts
    } (first { $first }, last { $last }); contact on { $days_with } of { $days } days. Time zone { $zone }.
report-list-sep = {", "}
report-by-channel = By channel: { $list }
report-busiest-day = Busiest day: { $date } ({ $attempts } { $attempts ->
        [one] attempt
       *[other] attempts
    })
report-chart-title = Attempts per period by channel
report-hours-title = Attempts by hour of day
report-rate-title = Rate before and after each action (per week)
report-rate-line = Entry { $seq } { $time } { $action }: before { $before } ({ $before_rate }/week) -> after { $after } ({ $after_rate }/week)
report-channel-unknown = unknown
report-seen-until = to { $time }
report-no-name = (no name)
report-no-address = (no address)
report-new-after-block = new after the block in entry { $seq }
report-top-senders = Top senders (up to 10)
report-top-addresses = Top addresses (up to 10)
report-col-sender = Sender
report-col-address = Number, address or account
report-col-entries = Entries
report-col-attempts = Attempts
report-col-channels = Channels
report-col-first-last = First to last

## Timeline
report-timeline-title = Timeline
report-no-entries = (no entries)
report-col-no = No.
report-col-means = Channel
report-col-who = Who / address
report-col-what = What happened
report-col-count = Count / time / outcome
report-col-evidence = Evidence
report-continued = (continued)
report-row-corrected = corrected
report-row-withdrawn = [WITHDRAWN]
report-row-until = until { $time }
report-row-to = to: { $to }
report-row-with = with: { $with }
report-row-subject = Subject: { $subject }
report-row-note = Note: { $note }
report-row-reference = Reference: { $reference }
report-row-tags = Tags: { $tags }
report-row-corrected-by = [Corrected by entry { $seq }] { $reason }
report-row-change = { $field }: { $before } -> { $after }
report-row-withdrawn-by = [Withdrawn by entry { $seq }] { $reason }
report-row-count = ×{ $count }

## Evidence index
report-index-title = Evidence index
report-ix-col-no = No.
report-ix-col-name = File name
report-ix-col-type = Type
report-ix-col-size = Size
report-ix-col-sha = SHA-256
report-ix-col-refs = Entries referring to it
report-ix-entry = entry { $seq }
report-ix-added-by = { " " }(added by entry { $seq })
report-ix-withdrawn = { " " }[withdrawn]
report-ix-modified = modified: { $time }
