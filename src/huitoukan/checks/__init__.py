"""The rules a returned form is checked against (SPEC 5): each makes problems from the
catalogue in `huitoukan.model.problems`."""
