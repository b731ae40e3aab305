# Verifying the chain, and what the chain itself needs (salt).
verify-random-source-failed = the system's random source could not be read ({ $reason }); nothing was recorded
