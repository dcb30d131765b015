"""Text without rules: tokens, quotation marks, paragraphs and sentences, the document."""
