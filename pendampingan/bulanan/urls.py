app_name = "bulanan"

urlpatterns: list = []
