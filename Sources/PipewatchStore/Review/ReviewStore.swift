public import Foundation
public import PipewatchCore

/// The facts the periodic review reads: incidents and their reopenings, reviews, signal
/// transitions, pages and stakeholder notices of a period. Reads only; nothing here is written.
public protocol ReviewStore: Sendable {
    /// What happened from `from` (inclusive) to `to` (exclusive), with every post-incident review.
    ///
    /// - Throws: ``StoreError`` when the database fails.
    func reviewFacts(from: Date, to: Date) async throws(StoreError) -> ReviewFacts
}
