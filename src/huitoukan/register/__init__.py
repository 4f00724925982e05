"""The school-wide register: `merging` returns, `coverage`, `status`, its `layout`,
`writing` and `reading` it, and the `store` (with its `lock` and `record`) on disk."""
