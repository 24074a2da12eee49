"""A project proposal in progress: its current step and what was typed so far.

The proposal form has a few steps (``forms.PROPOSAL_STEPS``). What the visitor
typed on the other steps travels with the form, in one signed hidden field,
rather than in a server-side session:

- sessions are for staff: they end after a short idle time and when the
  browser closes, and a proposal can take longer than that to write;
- a visitor gets no cookie but the one that protects forms, as the privacy
  page says, and nothing typed is stored on the server before it is sent.

The signature only says that the carried answers come from this form; they
are checked again, all together, before anything is written.
"""

from django.core import signing
from django.utils.datastructures import MultiValueDict

from territories.forms import CollectivityPicker

from .forms import HONEYPOT_FIELD, PROPOSAL_STEPS, ProposalForm

PROGRESS_FIELD = "progress"
SIGNING_SALT = "library.proposal.progress"

# The "Précédent" button: ``name=DIRECTION_FIELD value=BACK``. Any other
# submission moves forward.
DIRECTION_FIELD = "direction"
BACK = "back"

# Carried values are cut at this length, well above the bound of any field,
# so that a page never carries more than a visitor can legitimately type.
KEPT_VALUE_LENGTH = 10_000


def data_keys(form):
    """The names under which ``form``'s fields are sent, honeypot aside."""
    for name, field in form.fields.items():
        if name == HONEYPOT_FIELD:
            continue
        yield name
        if isinstance(field.widget, CollectivityPicker):
            yield field.widget.id_field_name(name)


class ProposalProgress:
    """Which step of the proposal is shown, and the answers given so far.

    ``answers`` maps each name sent by the form to its list of values, as
    typed and not yet cleaned. ``lost`` is true when a step was sent without
    the answers of the others, or with answers altered on the way.
    """

    # For the template.
    FIELD_NAME = PROGRESS_FIELD
    DIRECTION_FIELD = DIRECTION_FIELD
    BACK = BACK

    def __init__(self, step_index=0, answers=None, *, lost=False):
        self.step_index = step_index
        self.answers = answers or {}
        self.lost = lost

    @classmethod
    def from_post(cls, data):
        """The progress a submitted step carries.

        If it carries none that can be trusted, every value sent is kept and
        the visitor starts again from the first step, with a notice.
        """
        try:
            carried = signing.loads(data.get(PROGRESS_FIELD, ""), salt=SIGNING_SALT)
            step_index, answers = carried["step"], carried["answers"]
            if step_index not in range(len(PROPOSAL_STEPS)):
                raise ValueError(step_index)
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            progress = cls(lost=True)
            progress.keep(data, data_keys(ProposalForm()), only_sent=True)
            return progress
        return cls(step_index, answers)

    @property
    def step(self):
        return PROPOSAL_STEPS[self.step_index]

    @property
    def step_number(self):
        return self.step_index + 1

    @property
    def is_first_step(self):
        return self.step_index == 0

    @property
    def is_last_step(self):
        return self.step_index == len(PROPOSAL_STEPS) - 1

    def is_going_back(self, data):
        return data.get(DIRECTION_FIELD) == BACK and not self.is_first_step

    def form(self, data=None):
        """The current step's form: bound to ``data``, or showing the answers."""
        if data is not None:
            return ProposalForm(data, step=self.step)
        form = ProposalForm(step=self.step)
        answers = self._answers_as_data()
        for name, field in form.fields.items():
            if name in self.answers:
                form.initial[name] = field.widget.value_from_datadict(
                    answers, None, name
                )
        return form

    def keep(self, data, keys, *, only_sent=False):
        """Record the values ``data`` holds under ``keys``, as typed.

        A key that is not sent (no box ticked) empties what was recorded,
        unless ``only_sent``.
        """
        for key in keys:
            if only_sent and key not in data:
                continue
            self.answers[key] = [
                str(value)[:KEPT_VALUE_LENGTH] for value in data.getlist(key)
            ]

    def keep_step(self, data):
        self.keep(data, data_keys(self.form(data)))

    def go_back(self, data):
        """Keep what was typed on this step, even if wrong; show the previous one."""
        self.keep_step(data)
        self.step_index -= 1
        return self.form()

    def go_forward(self, form):
        """Keep the answers of this step, checked by ``form``; show the next one."""
        self.keep_step(form.data)
        self.step_index += 1
        return self.form()

    def complete_form(self):
        """The whole proposal, every step's answers together, to check and save."""
        return ProposalForm(self._answers_as_data())

    def show_errors_of(self, complete_form):
        """Go to the first step with an error of ``complete_form``; its form.

        Errors of no field in particular are shown on the step shown.
        """
        for index, step in enumerate(PROPOSAL_STEPS):
            if set(step.field_names) & set(complete_form.errors):
                self.step_index = index
                break
        form = self.form(self._answers_as_data())
        for error in complete_form.non_field_errors():
            form.add_error(None, error)
        return form

    @property
    def token(self):
        """The signed progress, without the answers the current step shows."""
        shown = set(data_keys(ProposalForm(step=self.step)))
        answers = {
            key: values for key, values in self.answers.items() if key not in shown
        }
        return signing.dumps(
            {"step": self.step_index, "answers": answers},
            salt=SIGNING_SALT,
            compress=True,
        )

    def _answers_as_data(self):
        return MultiValueDict(
            {key: list(values) for key, values in self.answers.items() if values}
        )
