"""Test-only URLconf: the real site plus API views that fail in the ways the tests need."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from lentera.config.urls import handler400, handler403, handler404, handler500  # noqa: F401
from lentera.config.urls import urlpatterns as site


class Boom(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        raise RuntimeError("a bug")


def page_boom(request):
    raise RuntimeError("a bug in a page")


class AlwaysThrottled(BaseThrottle):
    def allow_request(self, request, view):
        return False

    def wait(self):
        return 30


class Throttled(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [AlwaysThrottled]

    def get(self, request):
        return Response({})


class StatusInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=["open", "closed"])
    note = serializers.CharField()


class Validates(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        StatusInput(data=request.data).is_valid(raise_exception=True)
        return Response({})


class HandMade(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        return Response({"year": ["Give a year."]}, status=400)


@require_POST
def plain_post_only(request):
    return HttpResponse("ok")


urlpatterns = [
    path("api/v1/test/boom", Boom.as_view()),
    path("api/v1/test/throttled", Throttled.as_view()),
    path("api/v1/test/validates", Validates.as_view()),
    path("api/v1/test/hand-made", HandMade.as_view()),
    path("api/v1/test/post-only", plain_post_only),
    path("test/boom/", page_boom),
    *site,
]
