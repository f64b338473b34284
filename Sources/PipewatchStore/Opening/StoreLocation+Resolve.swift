extension StoreLocation {
    /// The environment variable that names the database when `--database` is not given.
    public static let environmentVariable = "PIPEWATCH_DATABASE_URL"

    /// Chooses the location as the CLI and the server do: `--database` first, then
    /// `PIPEWATCH_DATABASE_URL`, then `.pipewatch/state.sqlite` beside the config.
    ///
    /// An empty option or variable counts as absent.
    ///
    /// - Parameters:
    ///   - option: The value of `--database`, if given.
    ///   - environment: The process environment.
    ///   - configDirectory: The folder of the config file, for the default.
    /// - Returns: The location to open.
    /// - Throws: ``StoreError/invalidLocation(_:)`` when the chosen value cannot be parsed.
    public static func resolve(
        option: String?,
        environment: [String: String],
        configDirectory: String
    ) throws(StoreError) -> StoreLocation {
        if let option, !option.isEmpty { return try StoreLocation(parsing: option) }
        if let variable = environment[environmentVariable], !variable.isEmpty {
            return try StoreLocation(parsing: variable)
        }
        return defaultLocation(besideConfigIn: configDirectory)
    }
}
