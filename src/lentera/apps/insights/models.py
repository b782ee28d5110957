"""Record linkage in the product: runs over the records a user may see, the match candidates
they produce, and the review decisions that link person records without merging them away."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class LinkageRun(models.Model):
    requested_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey(
        "accounts.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    threshold = models.FloatField()
    records = models.PositiveIntegerField(default=0)
    comparisons = models.PositiveBigIntegerField(default=0)
    candidates = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The worker's side: the queued task, how often the run was handed to the queue, and the
    # heartbeat of the process running it (a stale one means that process died).
    task_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class MatchStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    CONFIRMED = "confirmed", _("Same person (confirmed)")
    REJECTED = "rejected", _("Different people")


class MatchCandidate(models.Model):
    """Two person records the model judged possibly the same person. ``left_id < right_id``."""

    run = models.ForeignKey(LinkageRun, on_delete=models.SET_NULL, null=True, related_name="+")
    left = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    probability = models.FloatField()
    reasons = models.JSONField(default=list)
    name_conflict = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=MatchStatus.choices, default=MatchStatus.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-probability", "id"]
        constraints = [
            models.UniqueConstraint(fields=["left", "right"], name="uniq_match_pair"),
            models.CheckConstraint(
                condition=models.Q(left__lt=models.F("right")), name="match_left_lt_right"
            ),
        ]
