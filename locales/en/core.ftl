# Messages of the case file, the entry model, times and durations, files.

## Times typed by people (--at, --until, --since) and read from files
core-time-bad = cannot read the time "{ $input }": { $why }
core-time-examples = try "2026-11-20 14:32", "11/20 14:32", "yesterday 14:32", "14:32" or "now"
core-time-why-empty = it is empty
core-time-why-not-date = "{ $text }" is not a date I know
core-time-why-not-time = "{ $text }" is not a time (HH:MM)
core-time-why-no-such-day = there is no such day
core-time-why-invalid = that is not a valid date and time (check the month, day and hour)
core-time-why-unknown = that is not a date or time I know
core-time-why-no-full-date = it does not start with a full date (year, month, day)
core-time-why-meridiem-hour = after 午前 or 午後 the hour goes from 0 to 11
core-time-why-meridiem-place = 午前 or 午後 goes just before the time, after the date
core-time-twelve = "{ $input }" could mean noon or midnight
core-time-twelve-hint = write 午前0時 for midnight or 午後0時 for noon (or 0:00 / 12:00)
core-time-import-hint = write it like 2026/11/18 15:04 or 2026-11-18 15:04
core-time-twice = the time "{ $input }" happens twice in { $tz } (the clocks were turned back)
core-time-twice-hint = give the offset, e.g. "{ $first }" or "{ $second }"
core-time-skipped = the time "{ $input }" does not exist in { $tz } (the clocks were turned forward)
core-time-skipped-hint = check the time, or give it with its offset in RFC 3339 form
core-time-future = the time "{ $input }" ({ $time }) is in the future
core-time-future-hint = check the date; for a time yesterday write "yesterday 14:32"
core-time-day-only = "{ $input }" is a day without a time of day
core-time-day-only-hint = add the time, e.g. "{ $day } 14:32"; if you do not know it, give your best guess and say so in --notes

## Call lengths (--duration)
core-duration-bad = cannot read the duration "{ $input }": { $why }
core-duration-hint = write it like 45s, 3m, 1h2m or 2:30 (minutes:seconds)
core-duration-why-colons = use digits and colons only
core-duration-why-59 = minutes and seconds go up to 59
core-duration-why-bare = a bare number could be seconds or minutes
core-duration-why-unit-number = a unit needs a number before it
core-duration-why-long = it is too long
core-duration-why-not-unit = "{ $unit }" is not a unit (h, m, s)
core-duration-why-needs-unit = every number needs a unit
