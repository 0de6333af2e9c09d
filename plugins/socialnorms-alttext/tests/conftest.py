pytest_plugins = ["socialnorms.testing"]
