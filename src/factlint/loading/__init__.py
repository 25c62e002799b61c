"""Every file factlint reads or writes.

Text (``textfile``), YAML nodes (``yaml_parse`` from text, ``yaml_builder`` from
parser events, ``yaml_nodes`` the node types) and typed fields (``fields``,
``figure_fields``); the facts loaders (``facts_yaml``, ``facts_jsonl``, sharing
``fact_builder``) and the rules loader (``rules_yaml``); the facts writer
(``facts_writer``) and the atomic writer (``atomic_write``); ``gc_pause`` for loading
many objects quickly.
"""
