# The words of the exports (CSV, report, workbook): kinds of entry,
# channels, outcomes, actions, directions. Looked up once per language.
words-kind-contact = contact
words-kind-action = action
words-kind-note = note
words-kind-correction = correction
words-kind-void = withdrawal
words-kind-attach = evidence added
words-kind-anchor = timestamp
words-kind-exhibit = exhibit details
words-kind-transcript = transcript
words-channel-phone = phone
words-channel-voicemail = voicemail
words-channel-sms = SMS
words-channel-email = email
words-channel-line = LINE
words-channel-sns = social media
words-channel-letter = letter
words-channel-visit = visit
words-channel-other = other
words-outcome-answered = answered
words-outcome-missed = missed
words-outcome-declined = declined
words-outcome-ignored = ignored
words-outcome-blocked = blocked
words-action-refused = refused (told them to stop)
words-action-blocked = blocked
words-action-reported = reported to police
words-action-consulted = consulted
words-action-other = other action
words-direction-incoming = incoming
words-direction-outgoing = outgoing (sent by me)
words-yes = yes

# The CSV columns. The English names are the file format's keys (read by
# programs, the same in every release): never change them.
words-column-number = number
words-column-occurred-at = occurred_at
words-column-occurred-until = occurred_until
words-column-recorded-at = recorded_at
words-column-kind = kind
words-column-channel = channel
words-column-direction = direction
words-column-sender = sender
words-column-address = address
words-column-address-kind = address_kind
words-column-organisation = organisation
words-column-to = to
words-column-with = with
words-column-count = count
words-column-duration-secs = duration_secs
words-column-outcome = outcome
words-column-subject = subject
words-column-content = content
words-column-notes = notes
words-column-place = place
words-column-witnesses = witnesses
words-column-reference = reference
words-column-tags = tags
words-column-status = status
words-column-evidence-files = evidence_files
words-column-evidence-sha256 = evidence_sha256
words-column-prev-hash = prev_hash
words-column-hash = hash

# The status column of the CSV and the workbook.
words-status-corrected = corrected by entry { $seq } ({ $reason })
words-status-attached = evidence added by entry { $seq }
words-status-withdrawn = withdrawn by entry { $seq } ({ $reason })

# The fields a correction changes, as the report names them.
words-field-occurred-at = time
words-field-occurred-until = until
words-field-action = action
words-field-channel = channel
words-field-platform = platform
words-field-direction = direction
words-field-from = from
words-field-address = number or address
words-field-org = organisation
words-field-to = to
words-field-with = with
words-field-reference = reference
words-field-count = times
words-field-duration = length
words-field-outcome = outcome
words-field-subject = subject
words-field-content = content
words-field-notes = notes
words-field-tags = tags
words-field-place = place
words-field-witnesses = witnesses

# Dates in the report and the workbook: 19 November 2026; Tue 1 Sep 2026.
words-date = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
words-day = { $weekday ->
        [0] Mon
        [1] Tue
        [2] Wed
        [3] Thu
        [4] Fri
        [5] Sat
       *[6] Sun
    } { $day } { $month ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    } { $year }
# Excel number formats of the workbook's date cells ([$-409]: English names).
words-xlsx-date-time = [$-409]ddd d mmm yyyy hh:mm
words-xlsx-date = [$-409]d mmmm yyyy
