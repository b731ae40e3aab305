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
