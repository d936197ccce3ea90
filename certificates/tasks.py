"""Background work for certificates (django.tasks)."""

from django.tasks import task


@task()
def issue_course_batch(batch_id: int) -> None:
    """Issue the certificates of one CertificateBatch (see services.start_course_batch)."""
    from certificates.services import run_course_batch

    run_course_batch(batch_id)
