"""Pages of the prevention module: the public job check, the officers' offer queue, and the
posko departure screening."""
