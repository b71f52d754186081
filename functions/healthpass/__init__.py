"""Health pass: daily declarations, status rules, signed passes, verification and scan logs."""
