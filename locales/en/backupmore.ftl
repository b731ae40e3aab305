## kiroku verify --backup of an encrypted archive

cmd-verify-arg-passphrase-file = With --backup of an encrypted archive: read its passphrase from the first line of this file
