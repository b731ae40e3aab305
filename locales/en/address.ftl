# Kinds of callers whose number was not shown (src/address.rs).
address-kind-withheld = withheld
address-kind-payphone = payphone
address-kind-unavailable = number unavailable
