"""Analysis: sources to an `Analysis` — numbers and hedges, claims, claimants, events, topics,
conflicts. `pipeline.analyze` runs the stages in order.

Imports the model and the reading layer's results; never the review layer.
"""
