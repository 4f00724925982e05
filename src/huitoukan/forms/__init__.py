"""What goes out to departments: the 附件2 form (its `layout`, the `templates`, `issuing`,
the `followup` round), the 附件1 `checklist` and the `distribution` list."""
