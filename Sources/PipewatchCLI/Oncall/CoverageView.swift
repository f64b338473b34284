import ArgumentParser
import Foundation
import PipewatchCore

/// The answer of `oncall now` and `oncall at`: who, since when, until when, why.
enum CoverageView {
    struct Document: Encodable {
        let at: String
        let engineer: String?
        let name: String?
        let start: String?
        let end: String?
        let reason: String?
        let why: String
    }

    static func print(at instant: Date, session: ScheduleSession, format: OutputFormat) async throws {
        let calculator = try await session.calculator()
        let coverage = try session.checked { () throws(ScheduleError) in try calculator.coverage(at: instant) }
        let at = session.format(instant)
        let document: Document
        switch coverage {
        case .onCall(let shift):
            document = Document(
                at: at,
                engineer: shift.engineer.rawValue,
                name: session.plan.catalog.engineer(shift.engineer)?.name,
                start: session.format(shift.start),
                end: session.format(shift.end),
                reason: shift.reason.rawValue,
                why: shift.explanation
            )
        case .gap(let gap) where gap.uncovered == nil && gap.end <= calculator.firstHandoff:
            document = Document(
                at: at,
                engineer: nil,
                name: nil,
                start: nil,
                end: session.format(calculator.firstHandoff),
                reason: nil,
                why: "before the rotation's first handoff (\(session.format(calculator.firstHandoff)))"
            )
        case .gap(let gap):
            document = Document(
                at: at,
                engineer: nil,
                name: nil,
                start: session.format(gap.start),
                end: session.format(gap.end),
                reason: "gap",
                why: gap.explanation
            )
        case .outsideRange:
            document = Document(
                at: at,
                engineer: nil,
                name: nil,
                start: nil,
                end: nil,
                reason: nil,
                why: "before the rotation's first handoff (\(session.format(calculator.firstHandoff)))"
            )
        }
        if format == .json {
            session.context.print(try JSONOutput.render(document))
        } else if let engineer = document.engineer, let start = document.start, let end = document.end {
            session.context.print(
                "\(document.name ?? engineer) (\(engineer)) is on call at \(at)\n"
                    + "since \(start) until \(end): \(document.why)"
            )
        } else {
            session.context.print("nobody is on call at \(at): \(document.why)")
        }
        if document.engineer == nil { throw ExitCode(1) }
    }
}
