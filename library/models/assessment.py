from django.db import models

from .. import assessment

# An abstract model holding one answer column and one evidence column per
# criterion of the registry (see library.assessment for why columns).
ManifestoAssessment = type(
    "ManifestoAssessment",
    (models.Model,),
    {
        "__module__": __name__,
        "__doc__": "The answers of a project to every criterion of the manifesto.",
        "Meta": type("Meta", (), {"abstract": True}),
        **assessment.model_fields(),
    },
)
