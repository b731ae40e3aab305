# The stats report (kiroku stats without --json).
stats-none-by-channel = by { $channel }
stats-none-matching = matching "{ $from }"
stats-none-filtered = No contacts { $what }, so there is nothing to count. Try a longer period or fewer options.
stats-none-dated = No dated incoming contacts, so there is nothing to count.
stats-none-yet = No contacts recorded yet, so there is nothing to count. Record one with `kiroku add phone` (or `kiroku add` to be asked).
stats-period = from { $since } to { $until }
stats-period-first = the first
stats-period-now = now
stats-span-all = all recorded contacts
stats-span-period = contacts { $period }
stats-title = Contact statistics: { $span } (times in { $tz })
stats-contacts = contacts (entries)
stats-attempts = attempts (calls, messages, visits)
stats-by-channel = by channel
stats-first-contact = first contact
stats-last-contact = last contact
stats-days-covered = days from first to last
stats-days-with-contact = days with contact
stats-undated = ({ $count } contact(s) with no time are not counted)
stats-outgoing = ({ $count } message(s) you sent are not counted)
stats-per-day = Attempts per day
stats-per-week = Attempts per week
stats-per-month = Attempts per month
stats-col-day = day
stats-col-week = week
stats-col-month = month
stats-col-total = total
stats-by-sender = By sender
stats-col-sender = sender
stats-col-channels = channels
stats-col-attempts = attempts
stats-col-first-seen = first seen
stats-col-last-seen = last seen
stats-no-name = (no name)
stats-by-address = By number, address or account
stats-col-address = address
stats-col-note = note
stats-new-after-block = NEW after block #{ $seq }
stats-no-address = (none)
stats-new-after-block-legend = NEW after block: first seen after you blocked a number or account
stats-before-after = Before and after you refused or blocked
stats-no-refusal = No refusal or block recorded in this period (`kiroku action refused` or `kiroku action blocked` records one).
stats-col-you = you
stats-col-when = when
stats-col-before = before
stats-col-per-week = per week
stats-col-after = after
stats-action = { $action }
stats-before-after-legend = before: from the first contact counted; after: up to now (or --until). Per week: attempts x 7 / days, a span under one day counted as one day.
stats-time-of-day = Time of day
stats-col-hour = hour
stats-day-of-week = Day of week
stats-col-weekday = day
stats-weekday = { $day ->
        [0] Mon
        [1] Tue
        [2] Wed
        [3] Thu
        [4] Fri
        [5] Sat
       *[6] Sun
    }
stats-busiest-day = Busiest day: { $date } ({ $count ->
    [one] 1 attempt
   *[other] { $count } attempts
})
stats-longest-run = Longest run of days in a row with contact: { $days } ({ $start } to { $end })
stats-trend-up = up { $percent }%
stats-trend-down = down { $percent }%
stats-trend-same = no change
stats-trend-none-before = none in the 4 weeks before
stats-trend-none = none in either
stats-trend = Last 4 weeks: { $last ->
    [one] 1 attempt
   *[other] { $last } attempts
}; the 4 weeks before: { $previous } ({ $change })
stats-trend-incomplete = (--since starts within these 8 weeks, so part of them is not counted)

stats-by-unknown = use day, week or month
