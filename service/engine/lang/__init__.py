"""Language data: lexicons, and detection."""
