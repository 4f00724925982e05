"""The data that flows between the stages: returned forms, hazards and problems."""
