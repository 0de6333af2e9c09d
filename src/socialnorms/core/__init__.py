"""The values: actions, posts and accounts, the Timeline, rules and findings, options,
configuration, network profiles, topics and text syntax, and the hook specifications.

Nothing here imports any other layer of socialnorms.
"""
