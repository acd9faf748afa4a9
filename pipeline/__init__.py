"""lkjip pipeline: stage orchestration, checks, writers, batch runner and CLI."""
