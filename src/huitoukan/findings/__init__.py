"""The problems earlier inspections found (交办问题清单): its `layout`, `reading` it, the blank
`template`, matching departments' `answers`, `sampling` the 督导组's pick, and the
`crosscheck` of an inspection's findings against the self-check register."""
