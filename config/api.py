from ninja import NinjaAPI

api = NinjaAPI(title="Dân cử API", version="1")
