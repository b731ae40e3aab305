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
