# The bundle's README.txt and the timestamps guide (timestamps.txt). Both
# files hold both languages, the export's language first.
bundle-readme =
    kiroku evidence bundle
    ======================
    Case id: { $case_id }

    What is here:
    - { $report }: the evidence report (cover and timeline), for printing.
    - { $csv }: the timeline as a spreadsheet (UTF-8). Cells starting with = + - @ and the like have a ' in front so spreadsheets never run them as formulas.
    - { $jsonl }: the record itself, one entry per line with its hashes: the form that proves whether anything was altered.
    - { $receipt }: a receipt for the record at export time (entry count and head hash).
    - { $evidence }/: the evidence files, as "number_original name" (the number is the one in the report's evidence index and in `kiroku evidence list`).
    - { $verifier }: a verifier independent of kiroku (Python 3, standard library only).
    - { $sums }: the SHA-256 of every file.

    How to check:
    1. In this folder run `sha256sum -c { $sums }`; every line must say OK (the files were not changed after they were sent).
    2. Run `python3 { $verifier } { $jsonl }` to verify the hash chain, and compare the entry count and head hash it prints with { $receipt } and with the foot of every page of the report.
    3. A receipt received earlier proves, with `kiroku verify --receipt` or the script, that the record up to it is unchanged.
bundle-readme-stamps = Trusted timestamps (RFC 3161), in { $folder }/: { $folder }/{ $guide } gives, for each timestamp, the openssl ts -verify commands that check it without kiroku.
bundle-readme-stamp = { $name }: entries 1..{ $covers }, { $time } (TSA: { $tsa })
bundle-readme-report-missing = Note: { $report } could not be made: { $why } (see { $note })
bundle-guide-title = Trusted timestamps (RFC 3161) of this record
bundle-guide-how =
    Run the commands below in the folder that holds these files.
    Each timestamp-N.txt is a receipt line: the case, the number of entries
    covered and the hash of the last of them (head). The timestamp authority
    (TSA) signed the SHA-256 of that file, as it is, at the time shown.
    tsa-ca.pem is the TSA's root certificate: get it from the TSA itself.
    The first command checks the response against the request; the second
    that the stamped value is the SHA-256 of the receipt file; the third
    shows the token (time, TSA, stamped value); the fourth prints the
    receipt file's SHA-256 to compare with "Message data". Then compare the
    receipt's head= with the hash of that entry in the exported record.
bundle-guide-stamp = { $name }: entries 1..{ $covers } existed unchanged by { $time } (TSA: { $tsa })
bundle-guide-head = head hash of entry { $covers }: { $head }
bundle-guide-bad = { $name }: DOES NOT CHECK: { $error }
bundle-stamp-no-receipt = the timestamp of entry { $seq } has no receipt
bundle-writing = writing the bundle
bundle-evidence-run-verify = run `kiroku verify` to check the record and its evidence files
bundle-evidence-unreadable = evidence file { $number } ({ $name }) cannot be read: { $error }
bundle-evidence-file = evidence file { $number }
bundle-evidence-altered = evidence file { $number } ({ $name }) was altered: its SHA-256 no longer matches the record
