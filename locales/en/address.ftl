# Kinds of callers whose number was not shown (src/address.rs).
address-kind-withheld = withheld
address-kind-payphone = payphone
address-kind-unavailable = number unavailable
# An address shown with its kind: "-2 (withheld)".
address-with-kind = { $address } ({ $kind })
# stats: attempts from callers whose number was not shown.
address-stats-hidden = Number not shown: { $counts }
address-stats-kind-count = { $kind } { $count }
address-stats-separator = {", "}
