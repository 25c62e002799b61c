"""Deciding claims: pure functions of facts and rules, no I/O, no process-wide state.

``checking`` is the check loop; ``evaluation`` the general evaluator on intervals;
``fast_path`` its compiled form for the common claims (``compiled`` makes and caches
it); ``implicit`` the checks that run with no rule written (``mentions`` and ``quotes``
compare what they read); ``explaining`` words each problem as a finding.
"""
