def load(stdout=None) -> dict:
    return {"notes": 3}
