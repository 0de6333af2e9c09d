import socialnorms


def test_public_api_is_flat():
    for name in socialnorms.__all__:
        assert getattr(socialnorms, name) is not None
