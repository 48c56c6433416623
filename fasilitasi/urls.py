app_name = "fasilitasi"

urlpatterns: list = []
