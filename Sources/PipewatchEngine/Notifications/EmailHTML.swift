import Foundation
import PipewatchCore

/// The HTML part of an email: the same lines as the text, escaped, with the label of a
/// `Label: value` line in bold, indented lines as a list, and http(s) addresses as links.
enum EmailHTML {
    /// A small HTML document for `message`.
    static func document(for message: NotificationMessage) -> String {
        var body: [String] = []
        var list: [String] = []
        func closeList() {
            if !list.isEmpty { body.append("<ul>" + list.joined() + "</ul>") }
            list = []
        }
        let lines = message.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if index == 0 {
                body.append("<h2 style=\"font-size:18px\">\(inline(line))</h2>")
            } else if line.hasPrefix("  ") {
                let item = line.drop { $0 == " " }
                list.append("<li>\(labelled(item.hasPrefix("- ") ? String(item.dropFirst(2)) : String(item)))</li>")
            } else {
                closeList()
                if !line.isEmpty { body.append("<p style=\"margin:4px 0\">\(labelled(line))</p>") }
            }
        }
        closeList()
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(escape(message.title))</title></head>
            <body style="font-family:sans-serif;font-size:14px;line-height:1.4">
            \(body.joined(separator: "\n"))
            </body></html>
            """
    }

    /// `<b>Label:</b> value` when the line starts with a short label, else the line.
    private static func labelled(_ line: String) -> String {
        guard let colon = line.range(of: ": "), line.distance(from: line.startIndex, to: colon.lowerBound) <= 24
        else { return inline(line) }
        let label = String(line[..<colon.lowerBound])
        guard !label.contains("://") else { return inline(line) }
        return "<b>\(escape(label)):</b> \(inline(String(line[colon.upperBound...])))"
    }

    /// Escapes `text` and makes each `http://` or `https://` address in it a link.
    static func inline(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let start = firstLink(in: rest) {
            output += escape(String(rest[..<start]))
            let end =
                rest[start...].firstIndex { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" } ?? rest.endIndex
            var url = rest[start..<end]
            while let last = url.last, ".,;:)'".contains(last) { url = url.dropLast() }
            output += "<a href=\"\(escape(String(url)))\">\(escape(String(url)))</a>"
            rest = rest[url.endIndex...]
        }
        return output + escape(String(rest))
    }

    private static func firstLink(in text: Substring) -> Substring.Index? {
        [text.range(of: "https://")?.lowerBound, text.range(of: "http://")?.lowerBound].compactMap { $0 }.min()
    }

    /// `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
