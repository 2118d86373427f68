"""Review: a reviewer's decisions on an analysis — anchors that survive re-analysis, the SQLite
store and its audit trail, one reviewer's session, and the Markdown/CSV/JSON exports.
"""
