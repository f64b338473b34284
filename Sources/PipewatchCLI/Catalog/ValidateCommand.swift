import ArgumentParser
import Foundation
import PipewatchConfig
import PipewatchCore

/// `pipewatch validate`: every problem in the config, compiler style.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the config and report every problem at once.",
        discussion: """
            Each finding prints as FILE:LINE:COLUMN: error|warning: MESSAGE, with a hint line where there is a fix \
            to suggest, so editors and CI logs can jump to it. Run it in the CI of your config repository.

            When the config is valid, the on-call schedule of the coming year is computed from it, and every \
            interval when nobody can be on call (everyone on a public holiday, say) is a warning.

            Exit status 0 when the config is valid (warnings allowed), 1 when there is any error.
            With --format json, prints an array of {file, line, column, severity, message, hint}.
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var output: TableOrJSON

    func run() async throws {
        let context = CommandContext.current
        let url = configOptions.configURL(in: context)
        var report = ConfigLoader.check(
            url,
            currentDirectory: context.currentDirectory,
            allowedIncludeFolders: configOptions.allowedIncludeFolders(in: context)
        )
        if let plan = report.plan, let location = report.oncallLocation {
            report.diagnostics += CoverageFindings.warnings(for: plan, at: location, from: try context.now())
        }
        if let plan = report.plan, !plan.api.acceptsIngest, let root = report.files.first {
            report.diagnostics.append(
                Diagnostic(
                    location: SourceLocation(file: root, line: 1, column: 1),
                    severity: .warning,
                    message: APIAccess.ingestDisabled,
                    hint: APIAccess.ingestHint
                )
            )
        }
        switch output.format {
        case .json:
            context.print(try JSONOutput.render(report.diagnostics))
        default:
            for diagnostic in report.diagnostics { context.printError(diagnostic.description) }
            let errors = report.diagnostics.count - report.warnings.count
            let warnings = report.warnings.count
            let counts = "\(Self.count(errors, "error")), \(Self.count(warnings, "warning"))"
            if let plan = report.plan {
                let catalog = plan.catalog
                context.print(
                    "\(report.files[0]): valid (\(Self.count(catalog.pipelines.count, "pipeline")), "
                        + "\(Self.count(catalog.engineers.count, "engineer")), "
                        + "\(Self.count(report.files.count, "file")); \(counts))"
                )
            } else {
                context.printError("\(report.files.first ?? url.path): invalid (\(counts))")
            }
        }
        if report.hasErrors { throw ExitCode(1) }
    }

    /// `1 pipeline`, `8 pipelines`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
