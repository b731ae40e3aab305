# Verifying the chain, and what the chain itself needs (salt).
verify-random-source-failed = the system's random source could not be read ({ $reason }); nothing was recorded
verify-number-too-large = { $field } is { $value }, larger than kiroku records ({ $max })
verify-number-too-large-hint = numbers above 2^53 − 1 would not be read exactly by every verifier; nothing was recorded
verify-time-before-standard-time = the time "{ $time }" is before { $zone } kept standard time (its offset then was not a whole number of minutes)
verify-time-before-standard-time-hint = give the time with an offset in RFC 3339 form, e.g. 1887-06-01T10:00:00+09:00, or say in --notes that the date is uncertain
