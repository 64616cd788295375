def items(user):
    raise RuntimeError("the toy module's database is down")
