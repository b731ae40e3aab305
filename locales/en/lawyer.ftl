# Exhibits (証拠説明書), transcripts (反訳書), places and witnesses.
lawyer-no-such-file = there is no evidence file { $number }
lawyer-no-such-file-hint = { $count ->
        [0] no evidence files yet: attach one with `kiroku attach N FILE`
       *[other] `kiroku evidence list` shows the files, numbered 1 to { $count }
    }
lawyer-group-itself = a file cannot be a part of its own exhibit
lawyer-group-itself-hint = give the number of another file with --group, or --group 0 to take the file out of its group
lawyer-empty-value = the { $field } is empty
lawyer-empty-value-hint = give the text, or leave the flag out to keep the current value
lawyer-exhibit-withdrawn = Evidence file { $number } belongs only to withdrawn entries and is not in the exhibit list.
lawyer-exhibit-heading = { $label }: { $name }
lawyer-col-title = Title
lawyer-col-original = Original or copy
lawyer-col-made-on = Date made
lawyer-col-made-by = Made by
lawyer-col-purpose = Facts it shows
lawyer-col-entry = Entry
lawyer-exhibit-history = Set by:
lawyer-ungrouped = taken out of its group
lawyer-grouped = part of the exhibit of the file { $sha }…
lawyer-entry-number = entry { $seq }
lawyer-transcript-no-speaker = line { $line } of the transcript has no speaker
lawyer-transcript-no-speaker-hint = write each utterance as `Speaker: text` (or `話者：発言`); a line without a speaker continues the one before it
lawyer-transcript-empty = the transcript is empty
lawyer-transcript-unreadable = cannot read { $path }: { $reason }
lawyer-transcript-not-utf8 = { $path } is not UTF-8 text
lawyer-transcript-not-utf8-hint = save the transcript as UTF-8 (in Notepad: Save as… → Encoding: UTF-8)
lawyer-transcript-not-recording = evidence file { $number } is not a recording ({ $kind })
lawyer-transcript-not-recording-hint = a transcript is for an audio or video file; `kiroku evidence list` shows each file's type
lawyer-place = place: { $place }
lawyer-witnesses = witnesses: { $names }

cmd-exhibit-about = Set the exhibit-list columns (証拠説明書) of an evidence file
cmd-exhibit-after = Without changes, shows the file's row of the exhibit list and every earlier value. Exhibit numbers (甲1, 甲1の2) are given at export, in order of first attachment; `kiroku export … --exhibit-prefix 乙` changes the prefix.

    Examples:
      kiroku exhibit 3 --purpose 'That the other side made contact from a new account after being blocked'
      kiroku exhibit 4 --group 3          (file 4 becomes a part of file 3's exhibit)
      kiroku exhibit 2 --original --made-by 'Taro Yamada' --made-on 2026-11-19
      kiroku exhibit 3
cmd-exhibit-arg-number = The evidence file's number in `kiroku evidence list`
cmd-exhibit-arg-title = 標目: the exhibit's title
cmd-exhibit-arg-original = 原本: the file is the original
cmd-exhibit-arg-copy = 写し: the file is a copy (the default for files copied from a phone)
cmd-exhibit-arg-made-by = 作成者: who made it
cmd-exhibit-arg-made-on = 作成年月日: when it was made, e.g. 2026-11-19
cmd-exhibit-arg-purpose = 立証趣旨: the facts it shows
cmd-exhibit-arg-group = Make the file a part (枝番) of file M's exhibit; 0 takes it out of its group
cmd-exhibit-arg-json = Print the new entry as JSON
cmd-transcript-about = Record the transcript (反訳) of a recording
cmd-transcript-after = The file is plain UTF-8 text, one utterance per line: `Speaker: text` or `話者：発言` (full- or half-width colon). A line without a speaker continues the utterance before it; blank lines are ignored. A later transcript of the same file replaces the earlier one in the exports; both stay in the record.

    Examples:
      kiroku transcript 2 --file voicemail-transcript.txt --by 'Hanako Yamada'
      kiroku transcript 2 --file corrected.txt     (a correction)
cmd-transcript-arg-number = The recording's number in `kiroku evidence list`
cmd-transcript-arg-file = The transcript: UTF-8 text, one `Speaker: text` line per utterance
cmd-transcript-arg-by = Who transcribed it (反訳者)
cmd-transcript-arg-json = Print the new entry as JSON
cmd-export-arg-exhibit-prefix = The exhibit prefix: 甲 (the default in Japanese), 乙, or another
cmd-add-arg-place = Where it happened (a visit, someone waiting outside)
cmd-add-arg-witnesses = Someone who saw or heard it (repeatable)
cmd-amend-arg-place = The correct place ('' clears it)
cmd-amend-arg-witnesses = The witnesses, all of them (repeatable; '' clears them)
lawyer-col-group = Group
lawyer-stats-visits-heading = Visits by place
lawyer-stats-col-place = place
lawyer-stats-col-visits = visits
lawyer-stats-place-unknown = (place not recorded)
lawyer-field-place = place
lawyer-field-witness = witness's name
lawyer-field-title = exhibit title
lawyer-field-made-by = maker
lawyer-field-purpose = facts it shows
lawyer-field-transcript = transcript
lawyer-field-transcriber = transcriber
lawyer-field-exhibit-prefix = exhibit prefix
lawyer-show-place = place
lawyer-show-witnesses = witnesses
lawyer-label-exhibit = exhibit details
lawyer-label-transcript = transcript
cmd-again-arg-place = Where it happened (a visit, someone waiting outside)
cmd-again-arg-witnesses = Someone who saw or heard it (repeatable)
cmd-export-arg-format-value-xlsx = The workbook for the lawyer: chronology, exhibit list and counts as Excel sheets (needs -o)
