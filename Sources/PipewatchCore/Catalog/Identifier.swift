/// A typed identifier from the config, such as an engineer's `a` or a pipeline's `investor-profit`.
///
/// The phantom `Subject` keeps identifiers of different kinds from being mixed up:
/// an ``EngineerID`` cannot be passed where a ``PipelineID`` is expected.
public struct Identifier<Subject>: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String

    /// Wraps an identifier as written in the config.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps an identifier as written in the config.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Identifies an engineer in ``Catalog/engineers``.
public typealias EngineerID = Identifier<Engineer>
/// Identifies a stakeholder in ``Catalog/stakeholders``.
public typealias StakeholderID = Identifier<Stakeholder>
/// Identifies a pipeline in ``Catalog/pipelines``.
public typealias PipelineID = Identifier<Pipeline>
/// Identifies a data check within its pipeline.
public typealias CheckID = Identifier<Check>
