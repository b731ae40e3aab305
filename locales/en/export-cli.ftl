# What `kiroku export` tells the person at the terminal (the files'
# own words are in export.ftl).
export-pdf-needs-output = the PDF report is a file: give its name with -o
export-pdf-needs-output-hint = e.g. kiroku export pdf -o report.pdf
export-bundle-needs-output = the bundle is a file: give its name with -o
export-bundle-needs-output-hint = e.g. kiroku export bundle -o case.zip
export-no-bom-csv-only = --no-bom is for CSV only
export-wrote-jsonl = { $entries ->
    [one] 1 entry
   *[other] { $entries } entries
}
export-wrote-jsonl-stubs = { $entries ->
    [one] 1 entry
   *[other] { $entries } entries
} ({ $stubs } more as hash-only stubs)
export-wrote-csv = { $rows ->
    [one] 1 row
   *[other] { $rows } rows
}
export-wrote-pdf = { $entries ->
    [one] 1 entry
   *[other] { $entries } entries
} on { $pages ->
    [one] 1 page
   *[other] { $pages } pages
} (font: { $font })
export-wrote-bundle = { $files } files ({ $rows ->
    [one] 1 timeline row
   *[other] { $rows } timeline rows
})
export-bundle-no-report = the bundle has no PDF report: { $why }
export-wrote = Wrote { $what } to { $path }
