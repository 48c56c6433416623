app_name = "bencana"

urlpatterns: list = []
