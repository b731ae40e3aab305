# The frame of every message: errors, warnings and notes on stderr.
error-line = error: { $message }
error-with-hint = { $message } — { $hint }
warning-line = warning: { $message }
note-line = note: { $message }
