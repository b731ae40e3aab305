# Verifying the chain, and what the chain itself needs (salt).
verify-random-source-failed = the system's random source could not be read ({ $reason }); nothing was recorded
verify-number-too-large = { $field } is { $value }, larger than kiroku records ({ $max })
verify-number-too-large-hint = numbers above 2^53 − 1 would not be read exactly by every verifier; nothing was recorded
verify-time-before-standard-time = the time "{ $time }" is before { $zone } kept standard time (its offset then was not a whole number of minutes)
verify-time-before-standard-time-hint = give the time with an offset in RFC 3339 form, e.g. 1887-06-01T10:00:00+09:00, or say in --notes that the date is uncertain
verify-timestamp-text-missing-hint = keep the stamped .txt file beside the .tsr, with the same name
verify-timestamp-invalid = { $file } is not a valid timestamp: { $reason }
verify-timestamp-invalid-hint = the reason above is what does not hold in this token; keep the file as it is: `openssl ts -verify` checks the same file without kiroku
verify-timestamp-refused-hint = the authority refused the request, so this file holds its refusal, not a timestamp: ask the authority for a new one (`kiroku timestamp --tsa URL`)
verify-timestamp-not-response-hint = give the .tsr file the authority sent back, with the .txt file it stamps beside it
verify-timestamp-other-text = { $text } is not the text that { $file } stamps: the token itself is valid (TSA: { $tsa }, { $time }), but it stamps another value
verify-timestamp-other-text-hint = the receipt text was changed, or belongs to another timestamp
verify-timestamp-no-receipt = { $text } holds no receipt line
verify-timestamp-line = timestamp { $file }: the receipt for entries 1..{ $entries } existed by { $time } (TSA: { $tsa })
verify-timestamp-untrusted = the TSA certificate of { $file } is not trusted: { $reason }
verify-timestamp-untrusted-hint = check that --tsa-ca is the root certificate of that TSA
verify-timestamp-issued-under = ; TSA certificate issued under { $root }
verify-entry-missing = entry { $seq } is missing (the numbers jump from { $before } to { $after })
verify-entries-missing = entries { $first } to { $last } are missing (the numbers jump from { $before } to { $after })
verify-entry-repeated = entry { $seq } appears more than once
verify-entry-unreadable = entry { $seq }: { $reason }
verify-entry-changed = entry { $seq } was changed after it was recorded (its hash does not match its fields)
verify-entry-moved = entry { $seq } holds the fields of entry { $other } (entries were moved or swapped)
verify-entry-other-case = entry { $seq } belongs to another case ({ $case })
verify-entry-stored-link = entry { $seq }: the stored link differs from the hashed one
verify-entry-not-first = entry 1 does not start this case's chain
verify-entry-unlinked = entry { $seq } does not link to entry { $before } (the chain is broken here)
verify-entry-time-backwards = entry { $seq } was recorded at { $time } — before the entry above it
verify-entry-bad-time = entry { $seq }: its recorded time is not in the form 2026-11-20T05:32:00.250Z
verify-entry-bad-reference = entry { $seq } refers to entry { $target }, which is not before it
verify-entry-index-changed = entry { $seq }: the search columns were changed (they no longer match its fields)
verify-receipt-other-case = the receipt is for another case ({ $case }, this is { $this })
verify-receipt-empty-other-head = the receipt covers no entries but names a head other than this case's start
verify-receipt-empty = the receipt covers no entries
verify-receipt-cut-short = the record was cut short: the receipt covers entries 1 to { $entries } but the record has { $head } (entry { $gone } onwards is gone)
verify-receipt-mismatch = entry { $entries } does not match the receipt: entries 1 to { $entries } were changed or rebuilt after the receipt was made
verify-receipt-entry-changed = entry { $seq } has changed since the receipt was made ({ $problem })
verify-receipt-ok = entries 1 to { $entries } are unchanged since the receipt of { $time }
verify-receipt-ok-unknown-time = entries 1 to { $entries } are unchanged since the receipt of unknown time
verify-file-missing = is missing from the evidence folder
verify-file-changed = was altered (its SHA-256 is now { $now }, recorded { $recorded })
verify-file-unreadable = cannot be read ({ $reason })
verify-file-problem = evidence file "{ $name }" ({ $count ->
        [one] entry
       *[other] entries
    } { $entries }) { $what }
verify-import-index-extra = the import index names entry { $seq } with a fingerprint that is not in its fields
verify-import-index-missing = entry { $seq } was imported but its fingerprint is missing from the import index
verify-anchor-name = the timestamp of entry { $seq }
verify-anchor-name-tsa = the timestamp of entry { $seq } ({ $time }, TSA: { $tsa })
verify-anchor-token-missing = { $anchor }: its token is missing from the case file
verify-anchor-failed = { $anchor }: { $reason }
verify-anchor-other-text = the receipt text kept with it is not the text that was stamped
verify-anchor-text-unreadable = the receipt text kept with it cannot be read
verify-anchor-other-case = it is for another case ({ $case })
verify-anchor-entry-gone = its anchor entry is gone (the record has { $head ->
    [one] 1 entry
   *[other] { $head } entries
}): the record was cut short or rebuilt
verify-anchor-no-fields = its entry holds no timestamp fields
verify-anchor-entry-mismatch = its entry does not match the token kept with it (one of them was changed)
verify-anchor-cut-short = the record was cut short: the timestamp covers entries 1..{ $entries } but the record has { $head }
verify-anchor-rebuilt = entries 1..{ $entries } were changed or rebuilt after the timestamp (entry { $entries } no longer has the stamped hash)
verify-anchor-entry-changed = entry { $seq } has changed since the timestamp ({ $problem })
verify-anchor-ok = entries 1..{ $entries } existed unchanged by { $time } (TSA: { $tsa })
verify-anchor-untrusted = the TSA certificate is not trusted: { $reason }
verify-not-a-certificate = { $file } is not a certificate file ({ $reason })
verify-not-a-certificate-hint = give the TSA's root certificate as a PEM or DER file
verify-ok-chain = OK: the chain of { $count ->
    [one] 1 entry
   *[other] { $count } entries
} is intact (case { $case }).
verify-ok-files = { $count ->
        [one] OK: the evidence file matches its SHA-256.
       *[other] OK: all { $count } evidence files match their SHA-256.
    }
verify-files-not-checked = Evidence files not checked (--no-files).
verify-not-intact-line = NOT INTACT: { $message }
verify-also-line = {"  "}also: { $message }
verify-more-problems = {"  "}… and { $count } more (see --json)
verify-receipt-ok-line = receipt OK: { $message }
verify-receipt-failed-line = receipt FAILED: { $message }
verify-timestamp-ok-line = timestamp OK: { $message }
verify-timestamp-failed-line = timestamp FAILED: { $message }
verify-head-line = head { $hash }
verify-not-intact = the record is not intact: { $reason }
verify-not-intact-hint = keep this case file as it is and show this result to your lawyer
verify-entry-unencodable = encoding an entry: { $reason }
verify-fields-unreadable = its fields cannot be read ({ $reason })
verify-fields-not-canonical = its fields are not in canonical form
verify-fields-unencodable = its fields cannot be encoded ({ $reason })
