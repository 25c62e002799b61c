"""Every file factlint reads or writes.

Text, YAML and JSON Lines nodes, the facts and rules loaders, the facts writer.
"""
