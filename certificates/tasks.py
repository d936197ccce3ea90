"""Background work for certificates (django.tasks)."""

from django.tasks import task


@task()
def issue_placement_certificates(placement_id: int) -> None:
    """The internship certificates of a placement whose hours were confirmed (enqueued by
    receivers.enqueue_placement_certificates after the confirming transaction)."""
    from certificates.receivers import issue_placement_certificates as issue

    issue(sender=None, placement_id=placement_id)


@task()
def issue_course_batch(batch_id: int) -> None:
    """Issue the certificates of one CertificateBatch (see services.start_course_batch)."""
    from certificates.services import run_course_batch

    run_course_batch(batch_id)
