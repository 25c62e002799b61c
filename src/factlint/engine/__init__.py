"""Deciding claims: pure functions of facts and rules, no I/O, no process-wide state.

``checking`` is the check loop; ``evaluation`` the general evaluator on intervals;
``fast_path`` compiles the common claims into the programs of ``fast_programs``
(``compiled`` makes and caches them); ``implicit`` the checks that run with no rule
written (``mentions`` and ``quotes`` compare what they read); ``explaining`` words each
problem as a finding.
"""
