from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0003_proposal_note_and_review_date"),
    ]

    operations = [
        migrations.RenameField(
            model_name="projectproposal",
            old_name="receipt_sent_at",
            new_name="receipt_queued_at",
        ),
        migrations.RenameField(
            model_name="projectproposal",
            old_name="publication_notice_sent_at",
            new_name="publication_notice_queued_at",
        ),
        migrations.AlterField(
            model_name="projectproposal",
            name="receipt_queued_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="accusé de réception expédié le"
            ),
        ),
        migrations.AlterField(
            model_name="projectproposal",
            name="publication_notice_queued_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="avis de publication expédié le"
            ),
        ),
    ]
