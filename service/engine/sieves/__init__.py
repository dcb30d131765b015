"""One function per rule the API reports, registered with its confidence; the passes over the article."""
