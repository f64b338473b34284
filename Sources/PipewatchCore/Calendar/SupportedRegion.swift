/// A region the holiday engine knows, with its English name: `US-CA`, "California, United States".
public struct SupportedRegion: Sendable, Hashable, CustomStringConvertible {
    /// The region.
    public let region: Region
    /// The English name: the country's, or the subdivision's followed by the country's.
    public let name: String
    /// Holiday categories beyond `public` that the region's country knows.
    public let categories: [HolidayCategory]

    public var description: String { "\(region.code)\t\(name)" }
}
