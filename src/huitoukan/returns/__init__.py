"""What comes back: `finding` the returned files, `sniffing` their bytes, opening them as
`workbooks`, `form_reading` one 附件2 into a ReturnForm, reading many in a `batch`."""
