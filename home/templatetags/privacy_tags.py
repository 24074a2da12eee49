"""What the privacy page states, from the site settings and the apps' records."""

from django import template

from core.personal_data import RetentionPolicy, processings

register = template.Library()


@register.simple_tag
def personal_data_processings(site_settings):
    """Each use of personal data: what, why, on what legal basis, how long."""
    policy = RetentionPolicy(
        unconfirmed_retention_days=site_settings.unconfirmed_retention_days,
        contact_retention_months=site_settings.contact_retention_months,
    )
    rows = []
    for processing in processings():
        basis_field = site_settings._meta.get_field(processing.legal_basis_setting)
        rows.append(
            {
                "title": processing.title,
                "data": processing.data,
                "purpose": processing.purpose,
                "legal_basis": dict(basis_field.flatchoices).get(
                    getattr(site_settings, processing.legal_basis_setting)
                ),
                "retention": processing.retention(policy),
            }
        )
    return rows
