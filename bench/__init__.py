"""`make bench`: speed figures for the embedded server, printed, never asserted."""
