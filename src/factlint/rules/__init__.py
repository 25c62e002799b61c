"""The rule language: expressions and rule kinds."""
