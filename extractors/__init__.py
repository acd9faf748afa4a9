"""lkjip extractors: readers (text, PDF, OCR) and table understanding."""
