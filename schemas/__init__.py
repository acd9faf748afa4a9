"""lkjip schemas: in-memory records and the output tables' schemas."""
