"""Deciding claims.

The evaluator, its compiled fast path, the mention and quote checks, the check loop.
"""
