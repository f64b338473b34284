import Foundation
import Mustache

/// Renders the dashboard's pages from the Mustache templates in `Dashboard/Templates` (a resource
/// of this module). Every `{{value}}` is HTML-escaped by the library; templates never use the
/// unescaped forms (`{{{…}}}`, `{{&…}}`), which `DashboardTemplateTests` checks.
///
/// A page is a template that extends `layout` (`{{<layout}}{{$main}}…{{/main}}{{/layout}}`) and a
/// context value whose `chrome` property is a ``DashboardChrome``; see docs/dashboard.md.
struct DashboardRenderer: Sendable {
    /// The templates, read once from the module's resources.
    static let shared: DashboardRenderer = {
        do {
            return try DashboardRenderer(directory: templateDirectory())
        } catch {
            // The error page itself needs a template; without any, say what is missing.
            return DashboardRenderer(library: MustacheLibrary(), stylesheet: "", loadError: "\(error)")
        }
    }()

    let library: MustacheLibrary
    /// `dashboard.css`, served at `/dashboard.css`.
    let stylesheet: String
    /// Why the templates could not be read, when they could not.
    let loadError: String?

    init(library: MustacheLibrary, stylesheet: String, loadError: String? = nil) {
        self.library = library
        self.stylesheet = stylesheet
        self.loadError = loadError
    }

    /// Reads every `*.mustache` file in `directory` (named without the extension) and `dashboard.css`.
    init(directory: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        var templates: [String: MustacheTemplate] = [:]
        for file in files where file.hasSuffix(".mustache") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
        }
        library = MustacheLibrary(templates: templates)
        stylesheet = try String(contentsOf: directory.appendingPathComponent("dashboard.css"), encoding: .utf8)
        loadError = nil
    }

    /// Where the templates are: the resource bundle SwiftPM builds beside the binary (where
    /// `Bundle.module` looks first), else the source tree this binary was built from. Unlike
    /// `Bundle.module`, a missing bundle is an error page, not a crash of the server.
    static func templateDirectory() throws -> URL {
        let bundle = "Pipewatch_PipewatchServer.resources"
        var candidates = [Bundle.main.bundleURL.appendingPathComponent(bundle)]
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundle))
        }
        candidates = candidates.map { $0.appendingPathComponent("Templates") }
        candidates.append(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Templates")
        )
        guard
            let found = candidates.first(where: {
                FileManager.default.fileExists(atPath: $0.appendingPathComponent("layout.mustache").path)
            })
        else { throw DashboardError.templatesMissing }
        return found
    }

    /// The HTML of `template` with `context`.
    func render(_ template: String, _ context: Any) throws -> String {
        if let loadError { throw DashboardError.templatesUnreadable(loadError) }
        guard let html = library.render(context, withTemplate: template) else {
            throw DashboardError.templatesUnreadable("no template named '\(template)'")
        }
        return html
    }
}
