# Verifying the chain, and what the chain itself needs (salt).
verify-random-source-failed = the system's random source could not be read ({ $reason }); nothing was recorded
verify-number-too-large = { $field } is { $value }, larger than kiroku records ({ $max })
verify-number-too-large-hint = numbers above 2^53 − 1 would not be read exactly by every verifier; nothing was recorded
verify-time-before-standard-time = the time "{ $time }" is before { $zone } kept standard time (its offset then was not a whole number of minutes)
verify-time-before-standard-time-hint = give the time with an offset in RFC 3339 form, e.g. 1887-06-01T10:00:00+09:00, or say in --notes that the date is uncertain
verify-timestamp-text-missing-hint = keep the stamped .txt file beside the .tsr, with the same name
verify-timestamp-invalid = { $file } is not a valid timestamp: { $reason }
verify-timestamp-invalid-hint = the token was altered, damaged or is not a timestamp; a valid one verifies with `openssl ts -verify` too
verify-timestamp-other-text = { $text } is not the text that { $file } stamps: the token itself is valid (TSA: { $tsa }, { $time }), but it stamps another value
verify-timestamp-other-text-hint = the receipt text was changed, or belongs to another timestamp
verify-timestamp-no-receipt = { $text } holds no receipt line
verify-timestamp-line = timestamp { $file }: the receipt for entries 1..{ $entries } existed by { $time } (TSA: { $tsa })
verify-timestamp-untrusted = the TSA certificate of { $file } is not trusted: { $reason }
verify-timestamp-untrusted-hint = check that --tsa-ca is the root certificate of that TSA
verify-timestamp-issued-under = ; TSA certificate issued under { $root }
