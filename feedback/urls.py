from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.QuestionListView.as_view(), name="question-list"),
    path("gui/", views.QuestionSendView.as_view(), name="send"),
    path("tra-cuu/", views.QuestionLookupView.as_view(), name="lookup"),
    path("<int:pk>/", views.QuestionDetailView.as_view(), name="question-detail"),
]
