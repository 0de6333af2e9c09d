"""The built-in guidelines, each a plugin of its own (one module or package each).

The plugin manager registers them by the names listed here, after the readers,
reporters and topics, so that a user can block one by name like any plugin. Only
this package names them: the engine reads the list.
"""

#: Built-in guideline plugins: (name, module), registered in this order.
PLUGINS: tuple[tuple[str, str], ...] = (
    ("retweet-carefully", "socialnorms.guidelines.retweet_carefully"),
    ("no-autofollow", "socialnorms.guidelines.no_autofollow"),
    ("respond-to-mentions", "socialnorms.guidelines.respond_to_mentions"),
    ("crosspost-with-consideration", "socialnorms.guidelines.crosspost_with_consideration"),
    ("personalize-invitations", "socialnorms.guidelines.personalize_invitations"),
)
