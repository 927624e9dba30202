import Testing

extension Tag {
    /// Suites that take more than a few seconds (whole synthetic networks, servers): `swift test --skip-tags slow`
    /// leaves them out, `--filter-tags slow`… runs them alone. `make test` runs everything.
    @Tag public static var slow: Self
}
