"""Builders of test documents (Word, PDF, hostile files), shared by the suites."""
